import { OutboundHttpError } from './outbound-http-error';

/** `1 MB`, `512 KB`: a byte count as a journey author reads it. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}

function tooLarge(host: string, limit: number): OutboundHttpError {
  return new OutboundHttpError('too_large', `the answer from ${host} is larger than ${sizeText(limit)}`, { host, limit });
}

type Body = AsyncIterable<Buffer> & { destroy(error?: Error): unknown; on(event: 'error', listener: () => void): unknown };

/** Closes a body that will not be read (undici reports the abort as an error event: expected here). */
export function discardBody(body: Body): void {
  body.on('error', () => undefined);
  body.destroy();
}

/**
 * Reads a response body as it streams in and stops at `limit` bytes: a declared length
 * over the limit is refused before reading, and a body without one is destroyed (closing
 * the connection) as soon as it passes the limit — nothing larger is ever buffered.
 */
export async function readLimitedBody(body: Body, contentLength: string | undefined, limit: number, host: string): Promise<Buffer> {
  if (contentLength !== undefined && Number(contentLength) > limit) {
    discardBody(body);
    throw tooLarge(host, limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) {
      discardBody(body);
      throw tooLarge(host, limit);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}
