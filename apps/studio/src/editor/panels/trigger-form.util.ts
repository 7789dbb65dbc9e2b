import { TRIGGER_KINDS, triggerSchema, type Trigger, type TriggerKind } from '@tandem/journey-model';
import { z } from 'zod';
import { nextId } from '../document/document-ops.util';
import type { JsonSchema, UnionField } from '../forms/json-schema.types';
import { schemaToField } from '../forms/schema-field.util';
import { defaultValue } from '../forms/schema-value.util';

/** What each trigger kind means, for the picker. */
export const TRIGGER_HELP: Record<TriggerKind, { label: string; help: string }> = {
  'message.received': {
    label: 'Customer message',
    help: 'A customer writes to the number (keywords, a pattern, a button tap, or the first message ever).',
  },
  'message.echo': {
    label: 'Teammate reply (phone app)',
    help: 'A teammate writes from the WhatsApp Business app on the phone (coexistence echo).',
  },
  'message.status': {
    label: 'Message status',
    help: 'A message to the contact is sent, delivered, read or fails (optionally with given error codes).',
  },
  'contact.synced': { label: 'Contact synced', help: "A contact arrives from the phone's address book sync." },
  'number.disconnected': { label: 'Number disconnected', help: 'The number is disconnected from the Cloud API.' },
  api: { label: 'API / manual', help: 'Started with POST /api/journeys/:id/runs or by hand from the studio.' },
  campaign: { label: 'Campaign', help: 'Started for every contact of a segment by a campaign.' },
};

/** Every trigger kind in palette order. */
export const TRIGGER_KIND_LIST: readonly TriggerKind[] = TRIGGER_KINDS;

function stripId(schema: JsonSchema): JsonSchema {
  const { id: _id, ...properties } = schema.properties ?? {};
  return { ...schema, properties, required: (schema.required ?? []).filter((k) => k !== 'id') };
}

let cached: JsonSchema | null = null;

/**
 * JSON Schema of a trigger without its `id` (ids are assigned by the editor), generated
 * from the journey model's zod schema so the form always matches what the server accepts.
 */
export function triggerBodySchema(): JsonSchema {
  if (!cached) {
    const full = z.toJSONSchema(triggerSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    cached = { ...full, oneOf: (full.oneOf ?? full.anyOf ?? []).map(stripId), anyOf: undefined };
  }
  return cached;
}

/** The form schema of one trigger kind (its fields without `id`; `kind` is fixed). */
export function triggerVariantSchema(kind: TriggerKind): JsonSchema {
  const variants = triggerBodySchema().oneOf ?? [];
  return variants.find((v) => v.properties?.kind?.const === kind) ?? { type: 'object', properties: {} };
}

/** A new trigger of `kind` with the form's defaults and a fresh id (`t-1`, `t-2`, …). */
export function newTrigger(kind: TriggerKind, existing: readonly Trigger[]): Trigger {
  const field = schemaToField(triggerBodySchema()) as UnionField;
  const variant = field.variants.find((v) => v.tag === kind);
  const body = (variant ? defaultValue(variant.field) : { kind }) as Record<string, unknown>;
  return { ...body, id: nextId(new Set(existing.map((t) => t.id)), 't') } as Trigger;
}

/** A form value back into a trigger, keeping its id. */
export function withTriggerId(body: unknown, id: string): Trigger {
  return { ...(body as Record<string, unknown>), id } as Trigger;
}

/** The form value of a trigger (everything but its id). */
export function triggerBody(trigger: Trigger): Record<string, unknown> {
  const { id: _id, ...body } = trigger;
  return body;
}
