import { defineNode } from '@tandem/node-sdk';
import { z } from 'zod';
import { choiceIdSchema, choiceReplyWait, replyTimeoutSchema, uniqueChoices } from '../shared/choices.util';
import { fallbackRef } from '../shared/fallback.util';
import { sendChoices } from '../shared/interactive.util';
import { templateConfigSchema } from '../shared/template-config.schema';

const buttonsConfigSchema = z
  .strictObject({
    header: z.string().max(60).optional(),
    body: z.string().trim().min(1).max(1024),
    footer: z.string().max(60).optional(),
    buttons: z
      .array(z.strictObject({ id: choiceIdSchema, title: z.string().trim().min(1).max(20) }))
      .min(1)
      .max(3),
    replyTimeout: replyTimeoutSchema,
    fallbackTemplate: templateConfigSchema.optional(),
  })
  .superRefine((config, ctx) =>
    uniqueChoices(
      config.buttons.map((b, i) => ({ ...b, path: ['buttons', i] })),
      ctx,
    ),
  );

/**
 * `core.send-buttons@1`: asks a question with up to 3 reply buttons and waits for the answer.
 * Ports: one per button id (tapped, or its title typed), `other` (another reply),
 * `timeout` (no reply within `replyTimeout`), `window_closed`, `failed` (not sent).
 * The wait happens in the workflow after the send; with a fallback template, give its
 * quick-reply buttons the button ids as payloads so taps route the same way.
 */
export const sendButtonsNode = defineNode({
  type: 'core.send-buttons',
  version: 1,
  label: 'Ask with buttons',
  category: 'Messages',
  icon: 'square-mouse-pointer',
  description: 'Sends a message with up to 3 reply buttons and continues on the button the contact picks.',
  config: buttonsConfigSchema,
  ports: ['window_closed', 'failed'],
  sendsFreeForm: true,
  fallbackTemplate: fallbackRef,
  awaitsReply: (config) => choiceReplyWait(config.buttons, config.replyTimeout),
  run: (ctx, config) =>
    sendChoices(ctx, config, {
      type: 'button',
      action: { buttons: config.buttons.map((b) => ({ type: 'reply' as const, reply: { id: b.id, title: b.title } })) },
    }),
});
