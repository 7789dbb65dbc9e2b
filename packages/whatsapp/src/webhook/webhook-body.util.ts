/**
 * Whether a webhook POST body can be stored for processing: JSON whose top level is an
 * object. That is all the endpoint checks before storing (after the signature): what the
 * object holds is read by `parseWebhook` when the delivery is processed, so a body of
 * unknown shape is still kept, and noted, rather than refused.
 */
export function isWebhookBody(raw: Buffer | string): boolean {
  try {
    const parsed: unknown = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch {
    return false;
  }
}
