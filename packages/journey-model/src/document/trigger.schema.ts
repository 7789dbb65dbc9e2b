import { z } from 'zod';
import { idSchema, isValidRegex } from './common.schema';
import { conditionSchema } from './condition.schema';

const keywordsSchema = z.array(z.string().trim().min(1).max(100)).min(1).max(50);

/** How keywords compare with a message after normalisation (trim, lower case, no accents). */
export const keywordModeSchema = z.enum(['exact', 'contains', 'starts_with']);

const anyText = z.strictObject({ kind: z.literal('any') });
const keywordsText = z.strictObject({
  kind: z.literal('keywords'),
  keywords: keywordsSchema,
  mode: keywordModeSchema.default('exact'),
});
const regexText = z
  .strictObject({
    kind: z.literal('regex'),
    pattern: z.string().min(1).max(200),
    ignoreCase: z.boolean().default(true),
  })
  .refine((m) => isValidRegex(m.pattern), { path: ['pattern'], message: 'not a valid regular expression' });

/** Which inbound customer messages start the journey. */
export const inboundMatchSchema = z.discriminatedUnion('kind', [
  anyText,
  keywordsText,
  regexText,
  /** A tap on a template quick-reply button (payload) or an interactive button/list row (id). */
  z.strictObject({ kind: z.literal('button'), payloads: z.array(z.string().min(1).max(1000)).min(1).max(50) }),
  /** The very first message this contact ever sent to the number. */
  z.strictObject({ kind: z.literal('first_message') }),
]);

/** Matching rule of an inbound-message trigger. */
export type InboundMatch = z.infer<typeof inboundMatchSchema>;

/** Which teammate messages (sent from the WhatsApp Business app) start the journey. */
export const echoMatchSchema = z.discriminatedUnion('kind', [anyText, keywordsText, regexText]);

/** Delivery statuses a status trigger can listen to. */
export const triggerStatusSchema = z.enum(['sent', 'delivered', 'read', 'failed']);

/** Contacts a campaign targets: tag sets and attribute rules, all of which must hold. */
export const segmentSchema = z.strictObject({
  tags: z
    .strictObject({
      all: z.array(z.string().min(1)).optional(),
      any: z.array(z.string().min(1)).optional(),
      none: z.array(z.string().min(1)).optional(),
    })
    .optional(),
  conditions: conditionSchema.optional(),
});

/** A campaign audience. */
export type Segment = z.infer<typeof segmentSchema>;

/**
 * What starts a run. Every trigger starts at the document's `entryNodeId`; a condition on
 * `trigger.triggerId` can branch by trigger when a journey has several.
 */
export const triggerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: idSchema, kind: z.literal('message.received'), match: inboundMatchSchema }),
  /** A teammate wrote from the phone app (coexistence echo). */
  z.strictObject({ id: idSchema, kind: z.literal('message.echo'), match: echoMatchSchema.default({ kind: 'any' }) }),
  z.strictObject({
    id: idSchema,
    kind: z.literal('message.status'),
    statuses: z.array(triggerStatusSchema).min(1),
    /** Only failures with one of these Cloud API error codes (e.g. 131047). Empty = any. */
    errorCodes: z.array(z.number().int()).optional(),
  }),
  z.strictObject({ id: idSchema, kind: z.literal('contact.synced') }),
  z.strictObject({ id: idSchema, kind: z.literal('number.disconnected') }),
  /** Started through the REST API or by hand from the studio. */
  z.strictObject({ id: idSchema, kind: z.literal('api') }),
  z.strictObject({ id: idSchema, kind: z.literal('campaign'), segment: segmentSchema }),
]);

/** A journey trigger. */
export type Trigger = z.infer<typeof triggerSchema>;

/** Kinds of trigger (and of engine event). */
export type TriggerKind = Trigger['kind'];

/** Every trigger kind, in palette order. */
export const TRIGGER_KINDS = [
  'message.received',
  'message.echo',
  'message.status',
  'contact.synced',
  'number.disconnected',
  'api',
  'campaign',
] as const satisfies readonly TriggerKind[];

/**
 * The normalized event the engine matches triggers against and hands to a run as
 * `trigger`. The dispatcher builds it from `@tandem/whatsapp` events; unknown keys are dropped.
 */
export const engineEventSchema = z.object({
  kind: z.enum(TRIGGER_KINDS),
  /** Message text, caption, or the title of the tapped button/row. */
  text: z.string().optional(),
  /** Payload of a tapped template quick-reply button. */
  buttonPayload: z.string().optional(),
  /** Id of a tapped interactive reply button. */
  buttonId: z.string().optional(),
  /** Id of a chosen list row. */
  listRowId: z.string().optional(),
  status: z.enum(['sent', 'delivered', 'read', 'failed', 'played']).optional(),
  errorCode: z.number().int().optional(),
  /** The contact never wrote to this number before. */
  isFirstMessage: z.boolean().optional(),
  /** Id of the trigger that started the run (set by the dispatcher once matched). */
  triggerId: z.string().optional(),
  wamid: z.string().optional(),
  /** Unix epoch milliseconds of the event. */
  timestamp: z.number().optional(),
});

/** A normalized engine event (see {@link engineEventSchema}). */
export type EngineEvent = z.infer<typeof engineEventSchema>;
