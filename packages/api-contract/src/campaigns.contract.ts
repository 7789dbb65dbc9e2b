import { z } from 'zod';
import { segmentSchema } from '@tandem/journey-model';

/**
 * `POST /api/campaigns`: run the live version of an active journey for every contact of a
 * segment of the journey's number. `numberId`, when given, must be that number.
 */
export const createCampaignRequestSchema = z.object({
  journeyId: z.string().uuid(),
  numberId: z.string().uuid().optional(),
  segment: segmentSchema,
  name: z.string().trim().min(1).max(120).optional(),
});

/** Lifecycle of a campaign (`draft` only before its workflow started). */
export const campaignStatusSchema = z.enum(['draft', 'running', 'completed', 'cancelled', 'failed']);

/**
 * A campaign with live progress: `GET /api/campaigns/:id`. `total` is the segment size when
 * created (the workflow refines it while paging); `started` runs so far; `sent` runs that
 * sent at least one message; `completed` runs that ended normally (also exited or handed
 * off); `failed` runs that failed or were cancelled; `ratePerSec` messages per second the number sends now,
 * against `capPerSec`; `etaSeconds` until every contact got its first message (`null` when
 * unknown: nothing sent yet or finished). `skipped`: contacts of the segment that got no run,
 * by reason — `heldByMetaLimit` is Meta's per-user marketing limit (131049), which lifts
 * after a while, unlike `marketingOptedOut` (131050 or the user's own stop).
 */
export const campaignSkipsSchema = z.object({
  optedOut: z.number().int(),
  marketingOptedOut: z.number().int(),
  heldByMetaLimit: z.number().int(),
  humanOwned: z.number().int(),
  reEntry: z.number().int(),
});

export const campaignSchema = z.object({
  id: z.string().uuid(),
  journeyId: z.string().uuid(),
  journeyName: z.string(),
  version: z.number().int(),
  numberId: z.string().uuid().nullable(),
  name: z.string().nullable(),
  segment: segmentSchema,
  status: campaignStatusSchema,
  workflowId: z.string(),
  total: z.number().int(),
  started: z.number().int(),
  sent: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  skipped: campaignSkipsSchema,
  ratePerSec: z.number(),
  capPerSec: z.number(),
  etaSeconds: z.number().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** `GET /api/campaigns`: newest first, optionally for one journey. */
export const listCampaignsQuerySchema = z.object({ journeyId: z.string().uuid().optional() });

/** `GET /api/campaigns`. */
export const campaignListSchema = z.object({ items: z.array(campaignSchema) });

/** Body of `POST /api/campaigns`. */
export type CreateCampaignRequest = z.infer<typeof createCampaignRequestSchema>;
/** A campaign with its progress. */
export type CampaignDto = z.infer<typeof campaignSchema>;
/** Lifecycle of a campaign. */
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;
