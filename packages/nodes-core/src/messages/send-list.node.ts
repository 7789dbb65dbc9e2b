import { defineNode } from '@tandem/node-sdk';
import { z } from 'zod';
import { choiceIdSchema, choiceReplyWait, replyTimeoutSchema, uniqueChoices } from '../shared/choices.util';
import { fallbackRef } from '../shared/fallback.util';
import { sendChoices } from '../shared/interactive.util';
import { templateConfigSchema } from '../shared/template-config.schema';

const rowSchema = z.strictObject({
  id: choiceIdSchema,
  title: z.string().trim().min(1).max(24),
  description: z.string().max(72).optional(),
});

const listConfigSchema = z
  .strictObject({
    header: z.string().max(60).optional(),
    body: z.string().trim().min(1).max(1024),
    footer: z.string().max(60).optional(),
    /** Label of the button that opens the list. */
    button: z.string().trim().min(1).max(20),
    sections: z
      .array(z.strictObject({ title: z.string().trim().min(1).max(24).optional(), rows: z.array(rowSchema).min(1) }))
      .min(1)
      .max(10),
    replyTimeout: replyTimeoutSchema,
    fallbackTemplate: templateConfigSchema.optional(),
  })
  .superRefine((config, ctx) => {
    const rows = config.sections.flatMap((s) => s.rows);
    if (rows.length > 10) ctx.addIssue({ code: 'custom', path: ['sections'], message: 'a list holds at most 10 rows in total' });
    if (config.sections.length > 1 && config.sections.some((s) => !s.title)) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: 'every section needs a title when there are several' });
    }
    uniqueChoices(
      config.sections.flatMap((section, si) => section.rows.map((row, ri) => ({ ...row, path: ['sections', si, 'rows', ri] }))),
      ctx,
    );
  });

type ListConfig = z.infer<typeof listConfigSchema>;
const rowsOf = (config: ListConfig) => config.sections.flatMap((s) => s.rows);

/**
 * `core.send-list@1`: sends a list menu (up to 10 rows) and waits for the choice. Ports:
 * one per row id (chosen, or its title typed), `other`, `timeout`, `window_closed`, `failed`
 * — the same model as `core.send-buttons@1`.
 */
export const sendListNode = defineNode({
  type: 'core.send-list',
  version: 1,
  label: 'Ask with a list',
  category: 'Messages',
  icon: 'list',
  description: 'Sends a menu of up to 10 options and continues on the option the contact picks.',
  config: listConfigSchema,
  ports: ['window_closed', 'failed'],
  sendsFreeForm: true,
  fallbackTemplate: fallbackRef,
  awaitsReply: (config) => choiceReplyWait(rowsOf(config), config.replyTimeout),
  run: (ctx, config) =>
    sendChoices(ctx, config, {
      type: 'list',
      action: { button: config.button, sections: config.sections.map((s) => ({ ...(s.title ? { title: s.title } : {}), rows: s.rows })) },
    }),
});
