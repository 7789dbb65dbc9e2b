import { z } from 'zod';

/** The kinds of media a WhatsApp message carries. */
export const mediaKindSchema = z.enum(['image', 'video', 'audio', 'document', 'sticker']);

/**
 * Where a media file stands: `pending` (being downloaded from Meta), `stored` (served by
 * `GET /api/media/{id}`), `not_available` (never downloadable: history media older than 14
 * days before onboarding, an echo without a media id) or `failed` (see `failure`).
 */
export const mediaStateSchema = z.enum(['pending', 'stored', 'not_available', 'failed']);

/** A media file: received with a message, or uploaded by a member for sends. */
export const mediaFileSchema = z.object({
  id: z.uuid(),
  numberId: z.uuid(),
  /** The message that carried it (received media); null for uploads. */
  messageId: z.uuid().nullable(),
  origin: z.enum(['received', 'uploaded']),
  /** Null only for history media Meta never described (a placeholder older than 14 days). */
  kind: mediaKindSchema.nullable(),
  state: mediaStateSchema,
  mimeType: z.string().nullable(),
  filename: z.string().nullable(),
  size: z.number().int().nullable(),
  /** Hex sha256 of the stored bytes. */
  sha256: z.string().nullable(),
  /** Meta's media id: for uploads, what `core.send-media@1` sends as `mediaId`. */
  metaMediaId: z.string().nullable(),
  /** Uploads: Meta keeps them 30 days; send them before this time. */
  metaExpiresAt: z.iso.datetime().nullable(),
  /** Why it is `failed` or `not_available`: a stable code and a sentence for people. */
  failure: z.object({ code: z.string(), reason: z.string() }).nullable(),
  /** `/api/media/{id}` once stored (same auth as the rest of the API), else null. */
  url: z.string().nullable(),
  createdAt: z.iso.datetime(),
  storedAt: z.iso.datetime().nullable(),
});

/** A media file: received with a message, or uploaded for sends. */
export type MediaFileDto = z.infer<typeof mediaFileSchema>;

/** `GET /api/media` filters: the studio's picker lists uploads of one number. */
export const listMediaQuerySchema = z.object({
  origin: z.enum(['received', 'uploaded']).optional(),
  numberId: z.uuid().optional(),
  kind: mediaKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Filters of `GET /api/media`. */
export type ListMediaQuery = z.infer<typeof listMediaQuerySchema>;

/** The form fields of `POST /api/media` besides the `file` part. */
export const uploadMediaFieldsSchema = z.object({ numberId: z.uuid() });
