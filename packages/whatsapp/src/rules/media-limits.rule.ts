import type { MediaKind } from '../webhook/message-content.types';

export const MEDIA_KINDS: readonly MediaKind[] = ['image', 'video', 'audio', 'document', 'sticker'];

const MB = 1024 * 1024;

/**
 * Meta's supported media types and size limits (Cloud API "Supported media types").
 * Stickers are 100 KB static / 500 KB animated: without decoding the WebP we hold the
 * larger limit and let Meta refuse a static sticker between the two.
 */
export const MEDIA_LIMITS: Readonly<Record<MediaKind, { maxBytes: number; mimeTypes: readonly string[] }>> = {
  image: { maxBytes: 5 * MB, mimeTypes: ['image/jpeg', 'image/png'] },
  video: { maxBytes: 16 * MB, mimeTypes: ['video/mp4', 'video/3gpp'] },
  audio: { maxBytes: 16 * MB, mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'] },
  document: {
    maxBytes: 100 * MB,
    mimeTypes: [
      'text/plain',
      'application/pdf',
      'application/msword',
      'application/vnd.ms-excel',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
  },
  sticker: { maxBytes: 500 * 1024, mimeTypes: ['image/webp'] },
};

/** The largest file any kind accepts (documents): a body beyond it is refused before it is read. */
export const MAX_MEDIA_BYTES = Math.max(...MEDIA_KINDS.map((k) => MEDIA_LIMITS[k].maxBytes));

/** `image/jpeg; charset=x` → `image/jpeg`; `audio/ogg; codecs=opus` keeps only the essence too. */
export function mimeEssence(mimeType: string): string {
  return mimeType.split(';')[0].trim().toLowerCase();
}

/** The kind a MIME type is sent as, or undefined when WhatsApp does not take it. */
export function mediaKindOf(mimeType: string): MediaKind | undefined {
  const essence = mimeEssence(mimeType);
  return MEDIA_KINDS.find((kind) => MEDIA_LIMITS[kind].mimeTypes.includes(essence));
}

export type MediaUploadCheck =
  | { ok: true; kind: MediaKind; mimeType: string }
  | { ok: false; problem: 'unsupported_type' | 'too_large' | 'empty'; message: string; maxBytes?: number };

/**
 * Whether a file may be uploaded for sending: a supported type within its kind's size.
 * @example checkMediaUpload('image/png', 6 * 1024 * 1024) // { ok: false, problem: 'too_large', … }
 */
export function checkMediaUpload(mimeType: string, sizeBytes: number): MediaUploadCheck {
  const essence = mimeEssence(mimeType);
  const kind = mediaKindOf(essence);
  if (!kind) {
    return { ok: false, problem: 'unsupported_type', message: `WhatsApp does not accept ${essence || 'files without a type'} as media` };
  }
  if (sizeBytes <= 0) return { ok: false, problem: 'empty', message: 'the file is empty' };
  const { maxBytes } = MEDIA_LIMITS[kind];
  if (sizeBytes > maxBytes) {
    return {
      ok: false,
      problem: 'too_large',
      maxBytes,
      message: `${kind} files may be at most ${formatBytes(maxBytes)} (this one is ${formatBytes(sizeBytes)})`,
    };
  }
  return { ok: true, kind, mimeType: essence };
}

function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
  return `${Math.round((bytes / 1024) * 10) / 10} KB`;
}
