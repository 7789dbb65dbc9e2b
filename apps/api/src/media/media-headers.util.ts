import type { MediaFile } from '@tandem/db';
import { mediaKindOf, mimeEssence } from '@tandem/whatsapp';

/** Types a browser may show inline: pictures, audio and video WhatsApp carries. Everything else downloads. */
const INLINE = new Set(['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'audio/aac', 'audio/mpeg', 'audio/mp4', 'audio/ogg']);

/**
 * Response headers of a stored media file. The bytes came from a customer, so the browser must
 * never run them: the type is one WhatsApp carries (else a plain download), sniffing is off, a
 * sandboxing CSP applies if the file is opened directly, and anything that is not a picture or
 * audio/video is an attachment.
 */
export function mediaHeaders(file: MediaFile): Record<string, string> {
  const essence = mimeEssence(file.mimeType ?? '');
  const type = mediaKindOf(essence) ? essence : 'application/octet-stream';
  const name = file.filename ?? `${file.kind ?? 'media'}-${file.id.slice(0, 8)}${extension(type)}`;
  const disposition = INLINE.has(type) ? 'inline' : 'attachment';
  return {
    'Content-Type': type,
    'Content-Disposition': `${disposition}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-site',
    'Cache-Control': 'private, max-age=86400, immutable',
    ...(file.sha256 ? { ETag: `"${file.sha256}"` } : {}),
    ...(file.byteSize !== null ? { 'Content-Length': String(file.byteSize) } : {}),
  };
}

function extension(type: string): string {
  const known: Record<string, string> = {
    'image/jpeg': '.jpg',
    'image/png': '.png',
    'image/webp': '.webp',
    'video/mp4': '.mp4',
    'application/pdf': '.pdf',
  };
  return known[type] ?? '';
}
