import { randomBytes, randomInt } from 'node:crypto';

/** A wamid shaped like Meta's (`wamid.` + base64), unique per call. */
export function newWamid(recipient: string): string {
  const payload = Buffer.concat([Buffer.from([0x15, 0x02, 0x00, 0x11, 0x18, 0x12]), Buffer.from(recipient), randomBytes(9)]);
  return `wamid.HBgL${payload.toString('base64')}`;
}

/** Numeric Graph object id (media, templates); the first digit keeps 16-digit ids below 2^53. */
export function newNumericId(length = 16): string {
  let id = String(randomInt(1, 9));
  while (id.length < length) id += String(randomInt(0, 10));
  return id;
}

/** Opaque trace id like Graph's `fbtrace_id`. */
export function newTraceId(): string {
  return randomBytes(8).toString('base64').replace(/[+/=]/g, 'A');
}

/** Unix seconds as the string Meta puts in message / status timestamps. */
export function unixSeconds(ms: number): string {
  return String(Math.floor(ms / 1000));
}
