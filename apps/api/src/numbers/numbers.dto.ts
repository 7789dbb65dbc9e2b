import { z } from 'zod';
import { isoDate, isoOrNull } from '../common/common.dto';

/** The number joins the caller's workspace: a `workspaceId` in the body is ignored (stripped). */
export const createNumberSchema = z.object({
  phoneNumberId: z.string().trim().min(1).max(64),
  wabaId: z.string().trim().min(1).max(64),
  /** As Meta shows it; digits are kept, formatting dropped. */
  displayPhoneNumber: z
    .string()
    .trim()
    .regex(/^\+?[\d\s().-]{5,32}$/, 'a phone number'),
  mode: z.enum(['coexistence', 'cloud']),
  /** Messages per second; defaults to COEXISTENCE_DEFAULT_MPS / CLOUD_DEFAULT_MPS. */
  throughputCap: z.int().min(1).max(1000).optional(),
  /** When the number was onboarded to the API (window rule); defaults to now. */
  onboardedAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateNumberInput = z.infer<typeof createNumberSchema>;

/** What an admin may change on a registered number. */
export const updateNumberSchema = z.object({
  /** Messages per second (a coexistence number may be lowered below Meta's fixed rate, never raised). */
  throughputCap: z.int().min(1).max(1000),
});
export type UpdateNumberInput = z.infer<typeof updateNumberSchema>;

export const healthIssueSchema = z.object({
  code: z.enum(['app_inactive', 'silent_inbox']),
  message: z.string(),
  since: isoOrNull,
  deadline: isoDate.optional(),
});

export const numberHealthSchema = z.object({
  status: z.enum(['connected', 'at_risk', 'send_blocked', 'disconnected', 'offboarded']),
  connectionState: z.enum(['connected', 'disconnected', 'offboarded']),
  reason: z.string().nullable(),
  issues: z.array(healthIssueSchema),
  checkedAt: isoDate,
});

export const numberSchema = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  phoneNumberId: z.string(),
  wabaId: z.string(),
  displayPhoneNumber: z.string(),
  mode: z.enum(['coexistence', 'cloud']),
  throughputCap: z.int(),
  /** Sends granted by the shared throughput governor in the last second. */
  currentRatePerSec: z.int(),
  onboardedAt: isoOrNull,
  connection: z.object({
    state: z.enum(['connected', 'disconnected', 'offboarded']),
    reason: z.string().nullable(),
    initiatedBy: z.string().nullable(),
    changedAt: isoOrNull,
  }),
  lastWebhookAt: isoOrNull,
  lastInboundAt: isoOrNull,
  lastEchoAt: isoOrNull,
  /** Latest sign the phone app is in use: an echo, an address-book sync or a history upload. */
  lastAppActivityAt: isoOrNull,
  historySync: z.object({
    status: z.enum(['none', 'in_progress', 'complete', 'declined']),
    phase: z.int().optional(),
    progress: z.number().optional(),
    chunks: z.array(z.string()).optional(),
    messageCount: z.int().optional(),
    updatedAt: z.string().optional(),
    errorCodes: z.array(z.int()).optional(),
  }),
  contactSyncAt: isoOrNull,
  createdAt: isoDate,
  health: numberHealthSchema,
});
export type NumberDto = z.infer<typeof numberSchema>;

export const numberListSchema = z.object({ items: z.array(numberSchema) });
