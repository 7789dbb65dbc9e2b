import { createHmac } from 'node:crypto';

/**
 * Serializes like Meta: compact JSON with every non-ASCII UTF-16 unit escaped as lowercase
 * `\uXXXX` (emoji become surrogate pairs). Receivers must verify the signature on these
 * exact bytes; re-serializing parsed JSON would produce different ones.
 */
export function toMetaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `sha256=<hex>` HMAC of the exact body bytes, as in `X-Hub-Signature-256`. */
export function signBody(body: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}
