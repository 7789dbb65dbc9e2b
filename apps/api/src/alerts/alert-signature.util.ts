import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Headers of a signed alert post. */
export const ALERT_HEADERS = {
  timestamp: 'x-tandem-timestamp',
  signature: 'x-tandem-signature',
  delivery: 'x-tandem-delivery',
  event: 'x-tandem-event',
} as const;

/** How far a receiver should accept a timestamp from its own clock (replays older than this are refused). */
export const ALERT_SIGNATURE_TOLERANCE_S = 300;

/** A new endpoint secret: 32 random bytes, prefixed so it is recognisable in a receiver's config. */
export function newEndpointSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * `v1=` HMAC-SHA256 (hex) of `<timestamp>.<raw body>` with the endpoint's secret. The timestamp
 * is inside the signed bytes so a captured post cannot be replayed later with a fresh header.
 */
export function signAlertBody(secret: string, timestampS: number, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampS}.${rawBody}`).digest('hex')}`;
}

/** What a receiver does: the signature matches and the timestamp is recent. */
export function verifyAlertSignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  rawBody: string,
  nowS = Math.floor(Date.now() / 1000),
): boolean {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowS - ts) > ALERT_SIGNATURE_TOLERANCE_S || !headers.signature) return false;
  const expected = Buffer.from(signAlertBody(secret, ts, rawBody));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
