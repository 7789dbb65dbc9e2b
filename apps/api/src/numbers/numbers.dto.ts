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

/** A number's own name in Tandem (settings); null clears it. */
const numberName = z.string().trim().min(1).max(80);

/** What an admin may change on a registered number: at least one of its settings. */
export const updateNumberSchema = z
  .object({
    /** Messages per second (a coexistence number may be lowered below Meta's fixed rate, never raised). */
    throughputCap: z.int().min(1).max(1000).optional(),
    name: numberName.nullable().optional(),
  })
  .refine((b) => b.throughputCap !== undefined || b.name !== undefined, { message: 'give throughputCap and/or name' });
export type UpdateNumberInput = z.infer<typeof updateNumberSchema>;

/**
 * The outcome of Meta's Embedded Signup dialog, as the studio's wizard receives it: the code
 * (from the login callback) and the ids (from the session-info event). The number joins the
 * caller's workspace.
 */
export const connectNumberSchema = z.object({
  code: z.string().trim().min(1).max(2048),
  wabaId: z
    .string()
    .trim()
    .regex(/^\d{1,32}$/, 'digits (the WABA id)'),
  phoneNumberId: z
    .string()
    .trim()
    .regex(/^\d{1,32}$/, 'digits (the phone number id)'),
  name: numberName.optional(),
  throughputCap: z.int().min(1).max(1000).optional(),
});
export type ConnectNumberInput = z.infer<typeof connectNumberSchema>;

/** What the studio needs to open Meta's Embedded Signup dialog. */
export const signupConfigSchema = z.object({
  appId: z.string(),
  configId: z.string().nullable(),
  dialogUrl: z.string(),
  graphVersion: z.string(),
});

export const syncRequestSchema = z.object({
  /** open: requestable until `deadline`; requested: both asked for; window_closed: too late. */
  state: z.enum(['not_applicable', 'open', 'requested', 'window_closed']),
  deadline: isoOrNull,
  contactsRequestedAt: isoOrNull,
  historyRequestedAt: isoOrNull,
  /** Why Meta refused the last request. */
  error: z.string().nullable(),
});

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
  /** Name given in Tandem; null when unset (show the display number). */
  name: z.string().nullable(),
  verifiedName: z.string().nullable(),
  syncRequest: syncRequestSchema,
  /** Whether the WABA's business token is in the secrets store (its value is never shown). */
  metaToken: z.object({ stored: z.boolean(), updatedAt: isoOrNull }),
  createdAt: isoDate,
  health: numberHealthSchema,
});
export type NumberDto = z.infer<typeof numberSchema>;

export const numberListSchema = z.object({ items: z.array(numberSchema) });
