import {
  BadRequestException,
  BadGatewayException,
  GoneException,
  Injectable,
  NotFoundException,
  PayloadTooLargeException,
  ConflictException,
} from '@nestjs/common';
import type { ListMediaQuery, MediaFileDto } from '@tandem/api-contract';
import { BusinessNumber, MediaFile } from '@tandem/db';
import { checkMediaUpload, isGraphApiError, UPLOADED_MEDIA_LIFETIME_MS, WhatsAppClient } from '@tandem/whatsapp';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import type { Caller } from '../auth/caller.types';
import { toMediaDto } from './media-dto.util';
import { MediaStorage, mediaKey } from './storage/media-storage';

/** A file as multer hands it over (memory storage). */
export interface UploadedFileInput {
  buffer: Buffer;
  mimetype: string;
  originalname: string;
  size: number;
}

/** Media files of the caller's workspace: listed, served, uploaded for sends. Foreign ids are 404s. */
@Injectable()
export class MediaService {
  constructor(
    private readonly ds: DataSource,
    private readonly storage: MediaStorage,
    private readonly client: WhatsAppClient,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, q: ListMediaQuery): Promise<MediaFileDto[]> {
    const filters = Object.entries({ origin: q.origin, numberId: q.numberId, kind: q.kind }).filter(([, v]) => v !== undefined);
    const rows = await this.ds.getRepository(MediaFile).find({
      where: { workspaceId: caller.workspaceId, ...Object.fromEntries(filters) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: q.limit,
    });
    return rows.map(toMediaDto);
  }

  async get(caller: Caller, id: string): Promise<MediaFileDto> {
    return toMediaDto(await this.find(caller, id));
  }

  /** The stored bytes; 409 while still downloading, 410 when they never will be there. */
  async open(caller: Caller, id: string): Promise<{ file: MediaFile; stream: Readable }> {
    const file = await this.find(caller, id);
    if (file.state === 'pending') throw new ConflictException('This media is still being downloaded from WhatsApp; try again shortly.');
    if (file.state !== 'stored' || !file.storageKey) {
      throw new GoneException(file.failureReason ?? 'This media is not available.');
    }
    const stream = await this.storage.open(file.storageKey).catch(() => {
      throw new GoneException('The stored file of this media is missing from the media storage.');
    });
    return { file, stream };
  }

  /**
   * Uploads a file for sends: checked against Meta's type and size table, sent to the
   * number's `/media` endpoint, kept locally for previews; nothing is stored when any step fails.
   */
  async upload(caller: Caller, numberId: string, file: UploadedFileInput | undefined): Promise<MediaFileDto> {
    if (!file) throw new BadRequestException('Attach the file as the multipart field "file".');
    const check = checkMediaUpload(file.mimetype, file.size);
    if (!check.ok) {
      if (check.problem === 'too_large') throw new PayloadTooLargeException(`File too large: ${check.message}.`);
      throw new BadRequestException(`Cannot upload this file: ${check.message}.`);
    }
    const number = await this.ds.getRepository(BusinessNumber).findOneBy({ id: numberId, workspaceId: caller.workspaceId });
    if (!number) throw new NotFoundException(`No number ${numberId}`);
    const filename = safeFilename(file.originalname, check.kind);
    const uploaded = await this.client
      .uploadMedia(number.phoneNumberId, { data: file.buffer, mimeType: check.mimeType, filename })
      .catch((error: unknown) => {
        const why = isGraphApiError(error) ? `${error.message}${error.details ? ` (${error.details})` : ''}` : String(error);
        throw new BadGatewayException(`WhatsApp refused the upload: ${why}`);
      });
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const key = mediaKey(caller.workspaceId, sha256);
    await this.storage.put(key, file.buffer);
    return this.ds.transaction(async (m) => {
      const row = await m.getRepository(MediaFile).save({
        workspaceId: caller.workspaceId,
        numberId: number.id,
        messageId: null,
        origin: 'uploaded',
        kind: check.kind,
        state: 'stored',
        metaMediaId: uploaded.id,
        metaExpiresAt: new Date(Date.now() + UPLOADED_MEDIA_LIFETIME_MS),
        mimeType: check.mimeType,
        filename,
        sha256,
        byteSize: file.size,
        storageKey: key,
        uploadedBy: caller.userId,
        storedAt: new Date(),
      });
      const dto = toMediaDto(await m.getRepository(MediaFile).findOneByOrFail({ id: row.id }));
      await this.audit.record(m, caller, {
        action: 'media.uploaded',
        targetType: 'media',
        targetId: row.id,
        targetLabel: filename,
        after: { kind: dto.kind, mimeType: dto.mimeType, size: dto.size, metaMediaId: dto.metaMediaId, numberId: number.id },
      });
      return dto;
    });
  }

  private async find(caller: Caller, id: string): Promise<MediaFile> {
    const file = await this.ds.getRepository(MediaFile).findOneBy({ id, workspaceId: caller.workspaceId });
    if (!file) throw new NotFoundException(`No media ${id}`);
    return file;
  }
}

/** A file name safe to show and to put in headers: no path, no control or quote characters, bounded. */
export function safeFilename(name: string, kind: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const base = [...last]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'"\\;'.includes(c))
    .join('')
    .trim();
  return (base || kind).slice(0, 200);
}
