import { z } from 'zod';
import { isoDate, isoOrNull, pageOf, pageQuery } from '../common/common.dto';

export const deliveryOutcome = z.enum(['pending', 'processed', 'failed', 'dead']);

export const listDeliveriesQuery = z.object({ outcome: deliveryOutcome.optional(), ...pageQuery });
export const listDeadLettersQuery = z.object({ ...pageQuery });

export const deliverySchema = z.object({
  id: z.uuid(),
  receivedAt: isoDate,
  bodySha256: z.string(),
  bodyBytes: z.int(),
  processedAt: isoOrNull,
  outcome: deliveryOutcome,
  attempts: z.int(),
  lastError: z.string().nullable(),
  eventCount: z.int().nullable(),
  /** Unroutable events, unknown content (raw), stale or ignored account events. */
  notes: z.array(z.record(z.string(), z.unknown())),
});
export type DeliveryDto = z.infer<typeof deliverySchema>;
export const deliveryPageSchema = pageOf(deliverySchema);

export const deliveryDetailSchema = deliverySchema.extend({
  /** The raw body as received (UTF-8). */
  body: z.string(),
  signature: z.string(),
});
export type DeliveryDetailDto = z.infer<typeof deliveryDetailSchema>;
