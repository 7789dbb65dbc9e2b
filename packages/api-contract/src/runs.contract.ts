import { z } from 'zod';
import { pageQuerySchema, versionNumberSchema } from './common.contract';
import { conversationEventSchema } from './ownership.contract';

/** Where a run stands. `waiting` = parked on a wait, a reply or a status. */
export const runStatusSchema = z.enum(['running', 'waiting', 'completed', 'failed', 'cancelled', 'handed_off', 'paused', 'exited']);

/**
 * `GET /api/runs` filters, newest first. `wamid` finds the run that sent that message, or
 * that a message with that wamid started; `errorCode` matches the run's or a step's error
 * code; `from`/`to` bound `startedAt` (inclusive, exclusive).
 */
export const listRunsQuerySchema = pageQuerySchema.extend({
  journeyId: z.string().uuid().optional(),
  version: z.coerce.number().pipe(versionNumberSchema).optional(),
  status: runStatusSchema.optional(),
  contactId: z.string().uuid().optional(),
  wamid: z.string().max(128).optional(),
  errorCode: z.string().max(20).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/** A run in lists. */
export const runSummarySchema = z.object({
  id: z.string().uuid(),
  journeyId: z.string().uuid(),
  journeyName: z.string(),
  version: z.number().int(),
  contactId: z.string().uuid(),
  contactName: z.string().nullable(),
  contactWaId: z.string().nullable(),
  status: runStatusSchema,
  triggerKind: z.string(),
  currentNodeId: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  workflowId: z.string(),
  campaignId: z.string().uuid().nullable(),
});

/** One executed node of a run. */
export const runStepSchema = z.object({
  id: z.string(),
  nodeId: z.string(),
  nodeType: z.string(),
  port: z.string().nullable(),
  input: z.unknown(),
  output: z.unknown(),
  error: z.unknown(),
  errorCode: z.string().nullable(),
  attempt: z.number().int(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  wamid: z.string().nullable(),
});

/**
 * `GET /api/runs/:id`: the run, its steps in order and a link to Temporal's Web UI. Step
 * inputs and outputs are raw contact data: a caller without `runs.raw` gets them as null,
 * with `stepDataWithheld: true`.
 */
export const runDetailSchema = runSummarySchema.extend({
  triggerEvent: z.unknown(),
  error: z.unknown(),
  steps: z.array(runStepSchema),
  temporalUrl: z.string(),
  stepDataWithheld: z.boolean().optional(),
  /** Changes of the conversation's ownership that affected this run (paused, stopped, resumed, ended): who, when, why. */
  ownershipEvents: z.array(conversationEventSchema).optional(),
});

/** `POST /api/runs/:id/cancel`: an optional reason recorded on the run. */
export const cancelRunRequestSchema = z.object({ reason: z.string().trim().max(200).optional() });

/** 202 answer of a cancel: the run's workflow was asked to stop; its row changes when it has. */
export const cancelRunResponseSchema = z.object({ runId: z.string().uuid(), workflowId: z.string(), requested: z.literal(true) });

/** Where a run stands. */
export type RunStatus = z.infer<typeof runStatusSchema>;
/** `GET /api/runs` filters and paging. */
export type ListRunsQuery = z.infer<typeof listRunsQuerySchema>;
/** A run in lists. */
export type RunSummaryDto = z.infer<typeof runSummarySchema>;
/** One executed node of a run. */
export type RunStepDto = z.infer<typeof runStepSchema>;
/** A run with its steps. */
export type RunDetailDto = z.infer<typeof runDetailSchema>;
