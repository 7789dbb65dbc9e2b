import { z } from 'zod';
import { createTemplateSchema, TEMPLATE_STATUSES } from '../state/template.schema';
import { DISCONNECTION_REASONS, TEMPLATE_EVENTS } from './account-events.service';

const digits = z.string().regex(/^\d+$/, 'digits only');
const HISTORY_STATUSES = ['SENT', 'DELIVERED', 'READ', 'PLAYED', 'PENDING', 'ERROR'] as const;

export const historyMessageSchema = z
  .object({
    direction: z.enum(['inbound', 'outbound']).describe('inbound = customer wrote; outbound = business wrote from the app'),
    type: z.enum(['text', 'image', 'video', 'audio', 'document', 'sticker']).default('text'),
    text: z.string().optional(),
    caption: z.string().optional(),
    daysBeforeOnboarding: z.number().min(0).optional().describe('Age at onboarding; or give timestamp'),
    timestamp: z.number().int().positive().optional().describe('Unix seconds'),
    status: z.enum(HISTORY_STATUSES).default('READ'),
  })
  .refine((m) => (m.daysBeforeOnboarding === undefined) !== (m.timestamp === undefined), {
    message: 'give exactly one of daysBeforeOnboarding or timestamp',
  })
  .refine((m) => m.type !== 'text' || m.text !== undefined, { message: 'text messages need text', path: ['text'] });

export const historyThreadSchema = z.object({
  waId: digits,
  userId: z.string().optional(),
  messages: z.array(historyMessageSchema).min(1),
});

export type HistoryThreadInput = z.infer<typeof historyThreadSchema>;

export const createNumberSchema = z.object({
  phoneNumberId: digits,
  wabaId: digits,
  displayPhoneNumber: digits,
  verifiedName: z.string().optional(),
  mode: z.enum(['coexistence', 'cloud']).default('coexistence'),
  capPerSecond: z.number().int().min(1).max(1000).optional().describe('Default: 20 for coexistence, 80 for cloud'),
  onboardedAt: z.iso.datetime().optional().describe('Default: now'),
  historyShared: z.boolean().default(true).describe('false = the business declined history sharing'),
  history: z.array(historyThreadSchema).default([]).describe('Chat history the phone app holds (synced on request)'),
  addressBook: z
    .array(
      z.object({ phoneNumber: digits, fullName: z.string().optional(), firstName: z.string().optional(), userId: z.string().optional() }),
    )
    .default([]),
});

export { createTemplateSchema };

export const createContactSchema = z
  .object({
    waId: digits.optional(),
    userId: z.string().min(1).max(256).optional(),
    profileName: z.string().max(256).optional(),
    onWhatsApp: z.boolean().optional().describe('false → sends to it fail with 131026'),
    readReceipts: z.boolean().optional().describe('false → statuses stop at delivered'),
  })
  .refine((c) => c.waId !== undefined || c.userId !== undefined, { message: 'waId or userId is required', path: ['waId'] });

export const disconnectSchema = z.object({
  event: z.enum(['PARTNER_REMOVED', 'ACCOUNT_OFFBOARDED']).default('PARTNER_REMOVED'),
  reason: z.enum(DISCONNECTION_REASONS).optional().describe('PARTNER_REMOVED only → disconnection_info'),
  initiatedBy: z.enum(['USER', 'SYSTEM']).optional(),
});

export const historySyncSchema = z.object({
  threads: z.array(historyThreadSchema).optional().describe("Default: the number's staged history"),
  chunkSize: z.number().int().min(1).max(10_000).default(50),
  shuffleChunks: z.boolean().default(false),
  declined: z.boolean().optional().describe('Send the 2593109 "history sharing off" webhook instead'),
});

export const contactSyncSchema = z.object({
  items: z
    .array(
      z.object({
        action: z.enum(['add', 'remove']),
        phoneNumber: digits,
        fullName: z.string().optional(),
        firstName: z.string().optional(),
        userId: z.string().optional(),
      }),
    )
    .min(1)
    .optional()
    .describe("Default: the number's whole address book as add"),
});

export const templateStatusSchema = z
  .object({
    templateId: digits.optional(),
    wabaId: digits.optional(),
    name: z.string().optional(),
    language: z.string().optional(),
    event: z.enum(TEMPLATE_EVENTS),
    reason: z.string().optional(),
    otherInfo: z.object({ title: z.string(), description: z.string() }).optional(),
  })
  .refine((b) => b.templateId !== undefined || (b.name !== undefined && b.language !== undefined), {
    message: 'give templateId, or name and language',
    path: ['templateId'],
  });

export { TEMPLATE_STATUSES };
