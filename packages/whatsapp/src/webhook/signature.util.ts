import { createHmac, timingSafeEqual } from 'node:crypto';

/** Outcome of checking `X-Hub-Signature-256`. Only `ok` may be processed. */
export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' };

const HEADER_PATTERN = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * Signs a body the way Meta does: `sha256=` + hex HMAC-SHA256 of the exact bytes, keyed
 * with the app secret. For the simulator and tests.
 */
export function signPayload(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * Verifies `X-Hub-Signature-256` over the raw request bytes in constant time. Must be
 * given the bytes as received: Meta escapes non-ASCII as `\uXXXX`, so re-serialized JSON
 * never matches.
 */
export function verifySignature(rawBody: Buffer, header: string | undefined, appSecret: string): SignatureCheck {
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'missing' };
  const match = HEADER_PATTERN.exec(header.trim());
  if (!match) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  const given = Buffer.from(match[1], 'hex');
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
