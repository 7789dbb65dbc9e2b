import { z } from 'zod';
import { idSchema, portNameSchema } from './common.schema';
import { triggerSchema } from './trigger.schema';

/** `namespace.name@version`, e.g. `core.send-text@1`, `acme.crm-lookup@2`. */
export const nodeTypeSchema = z
  .string()
  .max(120)
  .regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*@[1-9][0-9]*$/, 'a type such as core.send-text@1 (namespace.name@version)');

/** True when `timeZone` is an IANA zone this runtime knows (e.g. `Europe/Lisbon`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A node placed on the canvas. `config` is checked against the node type's schema by `validateJourney`. */
export const journeyNodeSchema = z.strictObject({
  id: idSchema,
  type: nodeTypeSchema,
  config: z.record(z.string(), z.unknown()).default({}),
  position: z.strictObject({ x: z.number(), y: z.number() }),
  label: z.string().max(80).optional(),
});

/** A node of a journey document. */
export type JourneyNode = z.infer<typeof journeyNodeSchema>;

/** A connection from a named output port of `source` to `target`. Targets have a single input. */
export const journeyEdgeSchema = z.strictObject({
  id: idSchema,
  source: idSchema,
  sourcePort: portNameSchema,
  target: idSchema,
});

/** An edge of a journey document. */
export type JourneyEdge = z.infer<typeof journeyEdgeSchema>;

/**
 * Journey-wide behaviour.
 * - `reEntry`: `once` (a contact runs it once ever), `one_at_a_time` (again only after
 *   the previous run ended), `always` (concurrent runs allowed).
 * - `onTeammateReply`: what a teammate's reply from the phone app does to this contact's
 *   running runs: `stop` them, `pause` them until resumed, or `ignore` it.
 * - `onGiveBack`: what giving the conversation back to the bot (by hand or by the workspace's
 *   return-to-bot rule) does to this journey's paused runs: `resume` where they paused, or `end` them.
 * - `timezone`: IANA zone for time windows (`core.wait@1` window mode).
 * - `numberId`: the WhatsApp number (Tandem id) the journey listens on and sends from.
 */
export const journeySettingsSchema = z.strictObject({
  reEntry: z.enum(['once', 'one_at_a_time', 'always']).default('one_at_a_time'),
  onTeammateReply: z.enum(['stop', 'pause', 'ignore']).default('stop'),
  onGiveBack: z.enum(['resume', 'end']).default('resume'),
  timezone: z.string().refine(isValidTimeZone, 'not an IANA time zone such as Europe/Lisbon').default('UTC'),
  numberId: z.string().min(1).optional(),
});

/** Journey settings. */
export type JourneySettings = z.infer<typeof journeySettingsSchema>;

/**
 * A journey document (schema version 1): what the studio saves and a published version freezes.
 *
 * The **entry** is explicit: `entryNodeId` names the node every trigger starts at. It is
 * optional so drafts parse; `validateJourney` reports `no-entry` until it is set.
 * Structural rules (ids unique, edges resolve, ports exist…) are `validateJourney`'s job,
 * so a broken draft still loads and can be shown with its issues.
 */
export const journeyDocumentSchema = z.strictObject({
  schemaVersion: z.literal(1),
  entryNodeId: idSchema.optional(),
  triggers: z.array(triggerSchema).max(20).default([]),
  nodes: z.array(journeyNodeSchema).max(500).default([]),
  edges: z.array(journeyEdgeSchema).max(2000).default([]),
  settings: journeySettingsSchema.prefault({}),
});

/** A parsed journey document (defaults applied). */
export type JourneyDocument = z.infer<typeof journeyDocumentSchema>;

/** A journey document as written (defaults optional). */
export type JourneyDocumentInput = z.input<typeof journeyDocumentSchema>;

/** Parts of a node type string. */
export interface NodeTypeParts {
  namespace: string;
  name: string;
  version: number;
  /** `namespace.name` without the version. */
  base: string;
}

/**
 * Splits `core.send-text@1` into its parts; `undefined` when malformed.
 * @example parseNodeType('acme.crm-lookup@2') // { namespace: 'acme', name: 'crm-lookup', version: 2, base: 'acme.crm-lookup' }
 */
export function parseNodeType(type: string): NodeTypeParts | undefined {
  const match = /^([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)@([1-9][0-9]*)$/.exec(type);
  if (!match) return undefined;
  return { namespace: match[1], name: match[2], version: Number(match[3]), base: `${match[1]}.${match[2]}` };
}
