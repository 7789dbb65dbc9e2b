import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ContactRef, EventBase, UnknownEvent, UnknownReason, WebhookError } from './events.types';
import { contactItemSchema, errorItemSchema, MAX_ID_LENGTH, type ContactItem } from './webhook-payload.schema';

/** Where a change came from; shared by every event built from it. */
export interface ChangeContext {
  wabaId: string;
  field: string;
  /** `entry.time`, unix seconds. */
  entryTime?: number;
  phoneNumberId?: string;
  displayPhoneNumber?: string;
  /** Fallback clock (ms) for updates that carry no time of their own. */
  receivedAt: number;
}

/** `safeParse` returning the data or `undefined`. */
export function pick<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The latest instant a JavaScript Date can hold (PostgreSQL's timestamptz reaches further). */
const MAX_DATE_MS = 8.64e15;

/**
 * Meta's unix-seconds (string or number) → epoch ms; `fallback` for anything that is not a
 * positive time a Date can hold (1e308 seconds would be an Invalid Date no store accepts).
 */
export function toMs(seconds: string | number | undefined, fallback: number): number {
  const n = typeof seconds === 'string' ? Number(seconds) : seconds;
  const ms = n === undefined ? NaN : n * 1000;
  return Number.isFinite(ms) && ms > 0 && ms <= MAX_DATE_MS ? ms : fallback;
}

export function entryTimeMs(ctx: ChangeContext): number {
  return toMs(ctx.entryTime, ctx.receivedAt);
}

/** Empty strings mean "not disclosed" under the BSUID rollout. */
export function nonEmpty(value: string | undefined | null): string | undefined {
  return value ? value : undefined;
}

/**
 * Phone numbers as digits only: echoes may show `+15551234567`. Anything that is not a
 * phone (e.g. a BSUID in a thread id) gives `undefined` rather than a mangled number.
 */
export function phoneDigits(value: string | undefined): string | undefined {
  if (!value || !/^\+?[\d\s-]+$/.test(value)) return undefined;
  const digits = value.replace(/\D/g, '');
  return digits ? digits : undefined;
}

/** Short, stable hash of a JSON value, for idempotency keys of updates without natural ids. */
export function stableHash(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value) ?? '')
    .digest('hex')
    .slice(0, 16);
}

export function mapErrors(value: unknown): WebhookError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const errors = value.flatMap((item) => {
    const e = pick(errorItemSchema, item);
    if (!e) return [];
    const mapped: WebhookError = { code: e.code };
    if (e.title) mapped.title = e.title;
    if (e.message) mapped.message = e.message;
    if (e.error_data?.details) mapped.details = e.error_data.details;
    if (e.href) mapped.href = e.href;
    return [mapped];
  });
  return errors.length > 0 ? errors : undefined;
}

export function parseContacts(value: unknown): ContactItem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((c) => {
    const parsed = pick(contactItemSchema, c);
    return parsed ? [parsed] : [];
  });
}

/**
 * Builds the person an item is about. `contacts[]` is matched by phone or BSUID, never by
 * array index (batched values hold several contacts in no guaranteed order).
 */
export function resolveContact(contacts: ContactItem[], waId?: string, userId?: string): ContactRef {
  const phone = phoneDigits(waId);
  const bsuid = nonEmpty(userId);
  const match = contacts.find(
    (c) => (phone !== undefined && phoneDigits(c.wa_id) === phone) || (bsuid !== undefined && c.user_id === bsuid),
  );
  return compactContact({
    waId: phone ?? phoneDigits(match?.wa_id),
    userId: bsuid ?? nonEmpty(match?.user_id),
    profileName: nonEmpty(match?.profile?.name),
    username: nonEmpty(match?.profile?.username),
  });
}

/** Longest phone number kept (E.164 has at most 15 digits). */
const MAX_PHONE_DIGITS = 32;

/**
 * A contact's identity without empty parts — and without ids longer than any real one: they
 * are indexed (unique per number), and PostgreSQL refuses an index entry past ~2.7 kB.
 */
export function compactContact(ref: ContactRef): ContactRef {
  const out: ContactRef = {};
  if (ref.waId && ref.waId.length <= MAX_PHONE_DIGITS) out.waId = ref.waId;
  if (ref.userId && ref.userId.length <= MAX_ID_LENGTH) out.userId = ref.userId;
  if (ref.profileName) out.profileName = ref.profileName;
  if (ref.username) out.username = ref.username;
  return out;
}

/** Longest idempotency key kept as written; the ledger indexes it, and PostgreSQL refuses index entries past ~2.7 kB. */
const MAX_DEDUP_KEY = 300;

/** A longer key (long template names, or several long ids in one key) becomes its hash: still stable across redeliveries. */
function boundedKey(key: string): string {
  return key.length <= MAX_DEDUP_KEY ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

export function eventBase(ctx: ChangeContext, dedupKey: string, timestamp: number): EventBase {
  const base: EventBase = { wabaId: ctx.wabaId, dedupKey: boundedKey(dedupKey), timestamp };
  if (ctx.phoneNumberId) base.phoneNumberId = ctx.phoneNumberId;
  if (ctx.displayPhoneNumber) base.displayPhoneNumber = ctx.displayPhoneNumber;
  return base;
}

export function unknownEvent(ctx: ChangeContext, reason: UnknownReason, value: unknown): UnknownEvent {
  return {
    ...eventBase(ctx, `${ctx.wabaId}:${ctx.field}:${reason}:${stableHash(value)}`, entryTimeMs(ctx)),
    kind: 'unknown',
    field: ctx.field,
    reason,
    value,
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
