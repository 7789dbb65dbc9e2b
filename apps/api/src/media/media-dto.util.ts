import type { MediaFileDto } from '@tandem/api-contract';
import { MediaFile } from '@tandem/db';
import { type EntityManager, In } from 'typeorm';

/** How the API shows a media file; `url` only once the bytes are stored. */
export function toMediaDto(f: MediaFile): MediaFileDto {
  const explained = (f.state === 'failed' || f.state === 'not_available') && f.failureCode !== null;
  return {
    id: f.id,
    numberId: f.numberId,
    messageId: f.messageId,
    origin: f.origin,
    kind: f.kind as MediaFileDto['kind'],
    state: f.state,
    mimeType: f.mimeType,
    filename: f.filename,
    size: f.byteSize,
    sha256: f.sha256,
    metaMediaId: f.metaMediaId,
    metaExpiresAt: f.metaExpiresAt?.toISOString() ?? null,
    failure: explained ? { code: f.failureCode ?? '', reason: f.failureReason ?? '' } : null,
    url: f.state === 'stored' ? `/api/media/${f.id}` : null,
    createdAt: f.createdAt.toISOString(),
    storedAt: f.storedAt?.toISOString() ?? null,
  };
}

/** The media of these messages, by message id, in one query (message lists embed it). */
export async function mediaOfMessages(m: EntityManager, workspaceId: string, messageIds: string[]): Promise<Map<string, MediaFileDto>> {
  if (messageIds.length === 0) return new Map();
  const rows = await m.getRepository(MediaFile).findBy({ workspaceId, messageId: In(messageIds) });
  return new Map(rows.map((r) => [r.messageId ?? '', toMediaDto(r)]));
}
