import { defineNode, interpolate, scopeOf } from '@tandem/node-sdk';
import { z } from 'zod';
import { fallbackOptions, fallbackRef } from '../shared/fallback.util';
import { SEND_PORTS, buildFailed, sendChecked } from '../shared/send.util';
import { templateConfigSchema } from '../shared/template-config.schema';

/**
 * `core.send-text@1`: sends a text message. `text` may use `{{contact.profileName}}`,
 * `{{contact.attributes.x}}`, `{{vars.y}}` and `{{path | fallback}}`. With a
 * `fallbackTemplate` the template goes instead when the 24 h window is closed.
 * Ports: `main` (sent), `window_closed`, `failed` (refused or rejected; `output` says why).
 */
export const sendTextNode = defineNode({
  type: 'core.send-text',
  version: 1,
  label: 'Send text',
  category: 'Messages',
  icon: 'message-square',
  description: 'Sends a text message, personalised with contact attributes and variables.',
  config: z.strictObject({
    text: z.string().trim().min(1).max(4096),
    previewUrl: z.boolean().default(false),
    fallbackTemplate: templateConfigSchema.optional(),
  }),
  ports: SEND_PORTS,
  sendsFreeForm: true,
  fallbackTemplate: fallbackRef,
  async run(ctx, config) {
    const body = interpolate(config.text, scopeOf(ctx)).trim();
    if (body === '') return buildFailed({ reason: 'invalid_message', detail: 'the text is empty for this contact' });
    const message = { type: 'text' as const, text: { body, ...(config.previewUrl ? { preview_url: true } : {}) } };
    const sent = await sendChecked(ctx, message, fallbackOptions(ctx, config.fallbackTemplate));
    if ('result' in sent) return sent.result;
    return { port: 'main', output: sent.sent };
  },
});
