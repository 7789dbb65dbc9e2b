import { decodeWebhookJson } from './webhook-json.util';
import { MAX_ID_LENGTH } from './webhook-payload.schema';

/** What the endpoint needs to know of a body before storing it (see {@link classifyWebhookBody}). */
export type WebhookBodyKind = 'statuses' | 'other';

/** A storable body, read once by the endpoint: how to schedule it and whom it concerns. */
export interface WebhookBodySummary {
  kind: WebhookBodyKind;
  /** Every `entry[].changes[].value.metadata.phone_number_id`, distinct, in order of appearance. */
  phoneNumberIds: string[];
  /** Every `entry[].id` (the WhatsApp Business Account), distinct, in order of appearance. */
  wabaIds: string[];
}

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
 * `undefined` when the body cannot be stored (see {@link isWebhookBody}). Otherwise its kind —
 * `statuses` when every change is a `messages` change carrying statuses and nothing else
 * (three of every four webhooks of a conversation, which nobody waits for, so the intake may
 * gather them for a moment and apply several in one transaction), `other` for everything else
 * (customer messages, echoes, account changes, unknown shapes) — and the numbers and WABAs it
 * names, which decide the workspaces that may see the stored delivery (stored as text, so read
 * through {@link decodeWebhookJson} like everything else). One parse for all three: bodies reach 3 MB.
 */
export function classifyWebhookBody(raw: Buffer | string): WebhookBodySummary | undefined {
  const parsed = decodeWebhookJson(raw);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const body = parsed as Record<string, unknown>;
  const entries: unknown[] = Array.isArray(body.entry) ? body.entry : [];
  const changes: Change[] = entries.flatMap((e) => {
    const c = (e as { changes?: unknown } | null)?.changes;
    return Array.isArray(c) ? (c as Change[]) : [undefined];
  });
  return {
    kind: onlyStatuses(changes) ? 'statuses' : 'other',
    phoneNumberIds: distinctIds(changes.map((c) => (asObject(asObject(c?.value)?.metadata) ?? {}).phone_number_id)),
    wabaIds: distinctIds(entries.map((e) => asObject(e)?.id)),
  };
}

type Change = { field?: unknown; value?: unknown } | undefined;

function onlyStatuses(changes: Change[]): boolean {
  return (
    changes.length > 0 &&
    changes.every((change) => {
      const value = change?.field === 'messages' ? asObject(change.value) : undefined;
      if (!value || !Array.isArray(value.statuses)) return false;
      return Object.keys(value).every((k) => !Array.isArray(value[k]) || k === 'statuses' || k === 'contacts');
    })
  );
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Ids as Meta sends them (strings; a number is taken as its digits), without blanks or repeats,
 * and without ids longer than any real one: they are stored in indexed arrays, and PostgreSQL
 * refuses an index entry past ~2.7 kB (the endpoint answered 500; found by the webhook fuzzer).
 */
function distinctIds(values: unknown[]): string[] {
  const ids = values.map((v) => (typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v));
  return [...new Set(ids.filter((v): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= MAX_ID_LENGTH))];
}
