import { defineNode, interpolate, scopeOf } from '@tandem/node-sdk';
import type { OutboundMessage } from '@tandem/whatsapp';
import { z } from 'zod';
import { fallbackOptions, fallbackRef } from '../shared/fallback.util';
import { SEND_PORTS, sendChecked } from '../shared/send.util';
import { templateConfigSchema } from '../shared/template-config.schema';

const mediaConfigSchema = z
  .strictObject({
    kind: z.enum(['image', 'video', 'audio', 'document', 'sticker']),
    /** Public https URL (may use placeholders), or… */
    link: z.string().trim().min(1).max(2000).optional(),
    /** …the id of media uploaded to the number beforehand. */
    mediaId: z.string().trim().min(1).optional(),
    caption: z.string().max(1024).optional(),
    /** Shown for documents. */
    filename: z.string().max(240).optional(),
    fallbackTemplate: templateConfigSchema.optional(),
  })
  .refine((c) => (c.link === undefined) !== (c.mediaId === undefined), { path: ['link'], message: 'give either a link or a media id' })
  .refine((c) => !c.caption || ['image', 'video', 'document'].includes(c.kind), {
    path: ['caption'],
    message: 'only images, videos and documents have captions',
  })
  .refine((c) => !c.filename || c.kind === 'document', { path: ['filename'], message: 'only documents have a file name' });

type MediaConfig = z.infer<typeof mediaConfigSchema>;

function buildMedia(config: MediaConfig, render: (text: string) => string): OutboundMessage {
  const source = config.mediaId ? { id: config.mediaId } : { link: render(config.link ?? '') };
  const caption = config.caption ? render(config.caption) : '';
  const captioned = caption ? { ...source, caption } : source;
  switch (config.kind) {
    case 'image':
      return { type: 'image', image: captioned };
    case 'video':
      return { type: 'video', video: captioned };
    case 'document':
      return { type: 'document', document: { ...captioned, ...(config.filename ? { filename: render(config.filename) } : {}) } };
    case 'audio':
      return { type: 'audio', audio: source };
    case 'sticker':
      return { type: 'sticker', sticker: source };
  }
}

/**
 * `core.send-media@1`: sends an image, video, audio, document or sticker by link or
 * uploaded media id, with an optional caption. Same ports and fallback as `core.send-text@1`.
 */
export const sendMediaNode = defineNode({
  type: 'core.send-media',
  version: 1,
  label: 'Send media',
  category: 'Messages',
  icon: 'image',
  description: 'Sends an image, video, audio, document or sticker.',
  config: mediaConfigSchema,
  ports: SEND_PORTS,
  sendsFreeForm: true,
  fallbackTemplate: fallbackRef,
  async run(ctx, config) {
    const scope = scopeOf(ctx);
    const message = buildMedia(config, (text) => interpolate(text, scope).trim());
    const sent = await sendChecked(ctx, message, fallbackOptions(ctx, config.fallbackTemplate));
    if ('result' in sent) return sent.result;
    return { port: 'main', output: sent.sent };
  },
});
