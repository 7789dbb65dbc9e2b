/** What the endpoint needs to know of a body before storing it (see {@link classifyWebhookBody}). */
export type WebhookBodyKind = 'statuses' | 'other';

/**
 * Whether a webhook POST body can be stored for processing: JSON whose top level is an
 * object. That is all the endpoint checks before storing (after the signature): what the
 * object holds is read by `parseWebhook` when the delivery is processed, so a body of
 * unknown shape is still kept, and noted, rather than refused.
 */
export function isWebhookBody(raw: Buffer | string): boolean {
  return classifyWebhookBody(raw) !== undefined;
}

/**
 * `undefined` when the body cannot be stored (see {@link isWebhookBody}); `statuses` when
 * every change is a `messages` change carrying statuses and nothing else — three of every
 * four webhooks of a conversation, which nobody waits for, so the intake may gather them
 * for a moment and apply several in one transaction; `other` for everything else (customer
 * messages, echoes, account changes, unknown shapes).
 */
export function classifyWebhookBody(raw: Buffer | string): WebhookBodyKind | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  return onlyStatuses(parsed as Record<string, unknown>) ? 'statuses' : 'other';
}

type Change = { field?: unknown; value?: unknown } | undefined;

function onlyStatuses(body: Record<string, unknown>): boolean {
  const entries: unknown[] = Array.isArray(body.entry) ? body.entry : [];
  const changes: Change[] = entries.flatMap((e) => {
    const c = (e as { changes?: unknown } | null)?.changes;
    return Array.isArray(c) ? (c as Change[]) : [undefined];
  });
  return (
    changes.length > 0 &&
    changes.every((change) => {
      const value = change?.field === 'messages' && typeof change.value === 'object' && change.value !== null ? change.value : undefined;
      if (!value || !Array.isArray((value as { statuses?: unknown }).statuses)) return false;
      const v = value as Record<string, unknown>;
      return Object.keys(v).every((k) => !Array.isArray(v[k]) || k === 'statuses' || k === 'contacts');
    })
  );
}
