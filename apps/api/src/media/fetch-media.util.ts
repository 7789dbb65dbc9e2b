import type { MediaFailureCode } from '@tandem/db';
import { isGraphApiError, MAX_MEDIA_BYTES, sha256Matches, type WhatsAppClient } from '@tandem/whatsapp';
import { createHash } from 'node:crypto';

/** What one download attempt came to. */
export type FetchOutcome =
  | { kind: 'fetched'; data: Buffer; sha256: string; mimeType: string | null }
  /** Worth another attempt (network, Meta 5xx or throttling, a transfer that did not match its sha256). */
  | { kind: 'retry'; code: MediaFailureCode; reason: string }
  /** Will never succeed: no retry. */
  | { kind: 'failed'; code: MediaFailureCode; reason: string };

export interface FetchInput {
  metaMediaId: string;
  /** The number that received it: the call uses its WABA's token. */
  phoneNumberId: string;
  expectedSha256: string | null;
  /** After this the id no longer resolves (7 days after receipt). */
  metaExpiresAt: Date | null;
}

const EXPIRED = 'The media expired at Meta before it could be downloaded (links last 5 minutes, received media ids 7 days).';

/**
 * One download attempt: resolve the media id to a fresh link (`GET /{media-id}`), fetch it at
 * once with the same token, check the size and the announced sha256. A link that answers 404
 * was past its 5 minutes: one fresh link is tried, as Meta advises; a second 404 or an id Meta
 * no longer knows means the media expired — failed, never retried.
 */
export async function fetchMedia(client: WhatsAppClient, input: FetchInput, now = new Date()): Promise<FetchOutcome> {
  if (input.metaExpiresAt && input.metaExpiresAt <= now) return { kind: 'failed', code: 'expired', reason: EXPIRED };
  try {
    for (let link = 0; ; link++) {
      const info = await client.getMedia(input.metaMediaId, { phoneNumberId: input.phoneNumberId });
      if (info.fileSize !== undefined && info.fileSize > MAX_MEDIA_BYTES) return tooLarge(info.fileSize);
      const downloaded = await client.downloadMedia(info.url, { phoneNumberId: input.phoneNumberId }).catch((error: unknown) => {
        if (link === 0 && isGraphApiError(error) && error.httpStatus === 404) return undefined;
        throw error;
      });
      if (!downloaded) continue;
      if (downloaded.data.length > MAX_MEDIA_BYTES) return tooLarge(downloaded.data.length);
      const sha256 = createHash('sha256').update(downloaded.data).digest('hex');
      const expected = input.expectedSha256 ?? info.sha256;
      if (expected && !sha256Matches(expected, sha256)) {
        return { kind: 'retry', code: 'sha256_mismatch', reason: 'The downloaded bytes do not match the sha256 Meta announced.' };
      }
      return { kind: 'fetched', data: downloaded.data, sha256, mimeType: info.mimeType ?? downloaded.contentType ?? null };
    }
  } catch (error) {
    return classify(error);
  }
}

function classify(error: unknown): FetchOutcome {
  if (!isGraphApiError(error)) return { kind: 'retry', code: 'meta_error', reason: `Download failed: ${String(error)}` };
  if (error.httpStatus === 404 || error.code === 100) return { kind: 'failed', code: 'expired', reason: EXPIRED };
  const reason = `Meta answered ${error.message}${error.details ? ` (${error.details})` : ''}.`;
  if (error.classification === 'retry_later' || error.classification === 'rate_limited')
    return { kind: 'retry', code: 'meta_error', reason };
  return { kind: 'failed', code: 'meta_error', reason };
}

function tooLarge(size: number): FetchOutcome {
  return { kind: 'failed', code: 'too_large', reason: `The media is ${size} bytes, more than WhatsApp allows (${MAX_MEDIA_BYTES}).` };
}
