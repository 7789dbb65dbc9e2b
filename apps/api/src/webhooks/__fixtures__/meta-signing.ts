import { signPayload } from '@tandem/whatsapp';

/**
 * Serializes like Meta: compact JSON with non-ASCII as lowercase `\uXXXX` and `/` as `\/`.
 * Re-serializing such a body gives different bytes, which is exactly what the signature
 * check must survive.
 */
export function metaBytes(body: unknown): Buffer {
  const json = JSON.stringify(body)
    .replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/');
  return Buffer.from(json, 'utf8');
}

export function signed(body: unknown, secret: string): { raw: Buffer; signature: string } {
  const raw = Buffer.isBuffer(body) ? body : metaBytes(body);
  return { raw, signature: signPayload(raw, secret) };
}
