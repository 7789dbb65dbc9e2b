import { z } from 'zod';

/** `since`: epoch milliseconds or an ISO date-time. */
const since = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    const ms = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'epoch milliseconds or an ISO date-time' });
      return z.NEVER;
    }
    return ms;
  });

const limit = z.coerce.number().int().min(1).max(100_000).optional();

export const ledgerQuerySchema = z.object({
  phoneNumberId: z.string().optional(),
  recipient: z.string().optional().describe('wa_id or BSUID'),
  since,
  outcome: z.enum(['accepted', 'refused']).optional(),
  errorCode: z.coerce.number().int().optional(),
  limit,
});

export const deliveriesQuerySchema = z.object({
  field: z.string().optional(),
  state: z.enum(['queued', 'in_flight', 'retry_wait', 'delivered', 'dropped']).optional(),
  since,
  contains: z.string().optional().describe('Substring of the raw body, e.g. a wamid'),
  limit,
});

export const conversationsQuerySchema = z.object({
  phoneNumberId: z.string().optional(),
  waId: z.string().optional().describe('wa_id or BSUID of the customer'),
});

export const resetSchema = z.object({
  seed: z.boolean().optional().describe('Load the demo seed after emptying (default: as at start)'),
  keepConfig: z.boolean().default(false).describe('Keep /_sim/config changes instead of restoring the start values'),
});

export const idleQuerySchema = z.object({ timeoutMs: z.coerce.number().int().min(0).max(600_000).default(10_000) });
