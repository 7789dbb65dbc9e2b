import { z } from 'zod';
import { journeyDocumentSchema } from '@tandem/journey-model';
import { journeyIssueSchema, versionNumberSchema } from './common.contract';

/** Lifecycle of a journey: only `active` journeys start runs from triggers. */
export const journeyStatusSchema = z.enum(['draft', 'active', 'paused', 'archived']);

/** A template a journey sends that Meta no longer lets it send (paused, disabled, rejected …). */
export const journeyTemplateWarningSchema = z.object({
  name: z.string(),
  language: z.string(),
  status: z.string(),
  /** Meta's reason, when it gave one. */
  reason: z.string().nullable(),
});
export type JourneyTemplateWarningDto = z.infer<typeof journeyTemplateWarningSchema>;

/** A journey in lists: `GET /api/journeys`. */
export const journeySummarySchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  status: journeyStatusSchema,
  liveVersion: z.number().int().nullable(),
  /** The number the draft runs on (`settings.numberId`), if chosen. */
  numberId: z.string().nullable(),
  draftUpdatedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Runs of any version still open (running, waiting or paused). */
  runsActive: z.number().int(),
  /** Templates of the live version or draft that cannot be sent now: their sends take the node's `failed` port. */
  templateWarnings: z.array(journeyTemplateWarningSchema).optional(),
});

/** A journey with its draft: `GET /api/journeys/:id`. */
export const journeyDetailSchema = journeySummarySchema.extend({
  draft: journeyDocumentSchema,
  /** True when the draft differs from the live version. */
  draftChanged: z.boolean(),
});

/** `POST /api/journeys`. */
export const createJourneyRequestSchema = z.object({
  name: z.string().trim().min(1).max(120),
  document: journeyDocumentSchema.optional(),
});

/** `PATCH /api/journeys/:id` (rename). */
export const updateJourneyRequestSchema = z.object({ name: z.string().trim().min(1).max(120) });

/**
 * `PUT /api/journeys/:id/draft` (autosave): stores the draft even when it has validation
 * errors and answers its issues; only a document that breaks the schema is refused (400).
 * Also the body of `POST /api/journeys/validate`.
 */
export const saveDraftRequestSchema = z.object({ document: journeyDocumentSchema });

/** `POST /api/journeys/validate`: checks an unsaved document. */
export const validateRequestSchema = saveDraftRequestSchema;

/** `POST /api/journeys/validate` and the answer of a draft save. */
export const validateResponseSchema = z.object({
  issues: z.array(journeyIssueSchema),
  /** Output ports of every node for its current config, by node id. */
  ports: z.record(z.string(), z.array(z.string())),
});

/** `POST /api/journeys/:id/publish`: refused (422 with `issues`) while errors remain. */
export const publishRequestSchema = z.object({ notes: z.string().max(500).optional() });

/**
 * Answer of a publish or a rollback. `unchanged` is true when the draft equals the live
 * version: nothing was published and `version` is the live one.
 */
export const publishResponseSchema = z.object({
  version: z.number().int(),
  warnings: z.array(journeyIssueSchema),
  unchanged: z.boolean(),
});

/** A published version: `GET /api/journeys/:id/versions[/:version]`. */
export const journeyVersionSchema = z.object({
  version: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  notes: z.string().nullable(),
  isLive: z.boolean(),
});
/** A published version with its frozen document: `GET /api/journeys/:id/versions/:version`. */
export const journeyVersionDetailSchema = journeyVersionSchema.extend({ document: journeyDocumentSchema });

/**
 * `POST /api/journeys/:id/rollback`: publishes the document of an earlier version as a new
 * version and makes the draft that document (answers like a publish).
 */
export const rollbackRequestSchema = z.object({ version: versionNumberSchema });

/**
 * `GET /api/journeys/:id/diff`: the draft against the live version (`fromVersion`; `null`
 * when never published, then everything is added). Ids of added, removed and changed items;
 * `behaviourChanged` is false when only positions or labels moved.
 */
export const journeyDiffSchema = z.object({
  fromVersion: z.number().int().nullable(),
  nodes: z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) }),
  edges: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  triggersChanged: z.boolean(),
  settingsChanged: z.boolean(),
  entryChanged: z.boolean(),
  behaviourChanged: z.boolean(),
});

/**
 * Per-node counts of one version for the canvas overlay: `GET /api/journeys/:id/versions/:v/stats`.
 * `entered`: executions of the node; `ports`: executions that left by each port; `failed`:
 * executions that recorded an error.
 */
export const nodeStatsSchema = z.object({
  entered: z.number().int(),
  failed: z.number().int(),
  ports: z.record(z.string(), z.number().int()),
  /**
   * WhatsApp funnel of a send node, from its messages' status timelines: each stage counts
   * messages that reached it (a read message was also sent and delivered); `replied` counts
   * messages the contact answered before the run ended.
   */
  funnel: z
    .object({
      sent: z.number().int(),
      delivered: z.number().int(),
      read: z.number().int(),
      replied: z.number().int(),
      failed: z.number().int(),
    })
    .optional(),
});
/** Stats of a version: runs by status and every node of its document (zeros included). */
export const versionStatsSchema = z.object({
  version: z.number().int(),
  runs: z.record(z.string(), z.number().int()),
  nodes: z.record(z.string(), nodeStatsSchema),
});

/**
 * `POST /api/journeys/:id/runs`: start a run of the live version by API for one contact of
 * the journey's number (by id or phone). `idempotencyKey` makes retries of one request
 * start one run (for `reEntry: always`; the other policies are idempotent per contact).
 */
export const startRunRequestSchema = z
  .object({
    contactId: z.string().uuid().optional(),
    waId: z
      .string()
      .regex(/^\d{6,15}$/)
      .optional(),
    /** The run's starting `vars.*` (at most 16 KB of JSON: workflow inputs stay small). */
    variables: z
      .record(z.string(), z.unknown())
      .refine((v) => JSON.stringify(v).length <= 16_384, 'variables must be at most 16 KB of JSON')
      .default({}),
    idempotencyKey: z.string().trim().min(1).max(120).optional(),
  })
  .refine((v) => v.contactId || v.waId, 'contactId or waId is required');

/** 202 answer of a start: the deterministic workflow id; `runId` once the worker recorded the run. */
export const startRunResponseSchema = z.object({
  workflowId: z.string(),
  runId: z.string().uuid().nullable(),
  journeyId: z.string().uuid(),
  version: z.number().int(),
  contactId: z.string().uuid(),
});

/** `GET /api/journeys` filters. */
export const listJourneysQuerySchema = z.object({ status: journeyStatusSchema.optional() });

/** `GET /api/journeys`: most recently updated first. */
export const journeyListSchema = z.object({ items: z.array(journeySummarySchema) });

/** `GET /api/journeys/:id/versions`: newest first. */
export const journeyVersionListSchema = z.object({ items: z.array(journeyVersionSchema) });

/** A journey in lists. */
export type JourneySummaryDto = z.infer<typeof journeySummarySchema>;
/** A journey with its draft. */
export type JourneyDetailDto = z.infer<typeof journeyDetailSchema>;
/** Body of `POST /api/journeys`. */
export type CreateJourneyRequest = z.infer<typeof createJourneyRequestSchema>;
/** Answer of a publish or rollback. */
export type PublishResponseDto = z.infer<typeof publishResponseSchema>;
/** Issues and ports of a document. */
export type ValidateResponseDto = z.infer<typeof validateResponseSchema>;
/** A published version. */
export type JourneyVersionDto = z.infer<typeof journeyVersionSchema>;
/** A published version with its document. */
export type JourneyVersionDetailDto = z.infer<typeof journeyVersionDetailSchema>;
/** Draft against the live version. */
export type JourneyDiffDto = z.infer<typeof journeyDiffSchema>;
/** Stats of a version. */
export type VersionStatsDto = z.infer<typeof versionStatsSchema>;
/** Counts of one node. */
export type NodeStatsDto = z.infer<typeof nodeStatsSchema>;
/** Body of `POST /api/journeys/:id/runs`. */
export type StartRunRequest = z.input<typeof startRunRequestSchema>;
/** Answer of a start by API. */
export type StartRunResponseDto = z.infer<typeof startRunResponseSchema>;
