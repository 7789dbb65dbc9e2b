import { z } from 'zod';

/**
 * A version number as a request names it: stored in a PostgreSQL `integer`, so past 2^31 − 1 it
 * is refused as invalid input (400) rather than overflowing in the store (500; found by the REST fuzzer).
 */
export const versionNumberSchema = z.number().int().min(1).max(2_147_483_647);

/** A page of results with an opaque cursor for the next one (`null` at the end); `total` (all matches) comes with the first page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int().optional() });

/** Query string paging: an opaque `cursor` from the previous page and a `limit` (1–200, default 50). */
export const pageQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A validation or lint finding, as `validateJourney` returns them. */
export const journeyIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  triggerId: z.string().optional(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  fix: z.record(z.string(), z.unknown()).optional(),
});

/** A validation or lint finding. */
export type JourneyIssueDto = z.infer<typeof journeyIssueSchema>;

/** Error body of every 4xx answer. */
export const apiErrorSchema = z.object({
  statusCode: z.number().int(),
  error: z.string().optional(),
  message: z.union([z.string(), z.array(z.string())]),
  issues: z.array(z.unknown()).optional(),
});
