import { historyMediaDownloadable, type MediaRef, RECEIVED_MEDIA_ID_LIFETIME_MS } from '@tandem/whatsapp';
import type { EntityManager } from 'typeorm';

/** A stored message that carried media (or a history placeholder of media), in the handler's transaction. */
export interface ReceivedMediaInput {
  workspaceId: string;
  numberId: string;
  messageId: string;
  source: 'live' | 'history';
  /** When the message was sent (Meta's timestamp). */
  sentAt: Date;
  onboardedAt: Date | null;
  /** Undefined for a history `media_placeholder`: its content comes in a later webhook, if ever. */
  media: MediaRef | undefined;
}

const INSERT = `INSERT INTO media_files (workspace_id, number_id, message_id, origin, kind, state, meta_media_id, meta_expires_at,
    mime_type, filename, expected_sha256, failure_code, failure_reason, next_attempt_at)
  VALUES ($1, $2, $3, 'received', $4, $5, $6, $7, $8, $9, $10, $11, $12, CASE WHEN $5 = 'pending' THEN now() END)
  ON CONFLICT (message_id) DO NOTHING`;

/**
 * Records the media of a message as it is stored, in the same transaction: `pending` for the
 * downloader (MediaDownloader) to fetch within its link's lifetime, or `not_available` at once
 * when it never can be — history media older than 14 days before onboarding, media without an id.
 * A history placeholder that may still get its media records nothing yet (the follow-up will).
 * An existing row is kept: media marked not available is never fetched later.
 */
export async function recordReceivedMedia(m: EntityManager, input: ReceivedMediaInput): Promise<void> {
  const tooOld = input.source === 'history' && !historyMediaDownloadable(input.sentAt.getTime(), input.onboardedAt?.getTime() ?? null);
  const { media } = input;
  if (!media && !tooOld) return;
  let state: 'pending' | 'not_available' = 'pending';
  let failure: [string, string] | [null, null] = [null, null];
  if (tooOld) {
    state = 'not_available';
    failure = ['history_too_old', 'History media sent more than 14 days before the number was connected is never sent by Meta.'];
  } else if (!media?.id) {
    state = 'not_available';
    failure = ['no_media_id', 'Meta sent this media without a media id, so it cannot be downloaded.'];
  }
  const expiresAt = new Date(Date.now() + RECEIVED_MEDIA_ID_LIFETIME_MS);
  await m.query(INSERT, [
    input.workspaceId,
    input.numberId,
    input.messageId,
    media?.kind ?? null,
    state,
    media?.id ?? null,
    media?.id ? expiresAt : null,
    media?.mimeType ?? null,
    media?.filename ?? null,
    media?.sha256 ?? null,
    ...failure,
  ]);
}
