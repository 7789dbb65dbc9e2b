import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// HMACs under a key of this process make both sides 32 bytes long, so the comparison takes
// the same time whatever the given token's length or content (`!==` stops at the first
// differing character, and timingSafeEqual itself refuses buffers of different lengths).
const KEY = randomBytes(32);
const digest = (value: string) => createHmac('sha256', KEY).update(value, 'utf8').digest();

/**
 * Whether `hub.verify_token` of Meta's verification handshake equals the configured token,
 * compared in constant time. A missing or empty given token never matches.
 */
export function verifyTokenMatches(given: string | undefined, expected: string): boolean {
  if (!given || !expected) return false;
  return timingSafeEqual(digest(given), digest(expected));
}
