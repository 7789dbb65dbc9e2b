import fc from 'fast-check';
import { adversarialNumber, adversarialString, adversarialValue } from './adversarial-json';

/** The parts of an OpenAPI 3.0 schema (as `openApiSchema` writes them) that shape a generated body. */
interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
}

/** Text mostly of the expected kind, often adversarial: so that a body passes validation with a NUL in it. */
const text = (format?: string): fc.Arbitrary<string> =>
  fc.oneof(
    format === 'uuid' ? fc.uuid() : format === 'date-time' ? fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) : fc.string(),
    adversarialString,
    fc.string().map((s) => `${s}\u0000`),
  );

/**
 * Bodies shaped like a route's OpenAPI request schema — right keys and types, values at the edges
 * — so that the fuzzer reaches the handlers and the store, not only validation.
 */
export function schemaBody(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 1 });
  const arb = ofType(schema, depth);
  return schema.nullable ? fc.option(arb, { nil: null }) : arb;
}

function ofType(s: Schema, depth: number): fc.Arbitrary<unknown> {
  if (s.enum) return fc.oneof({ arbitrary: fc.constantFrom(...s.enum), weight: 3 }, { arbitrary: adversarialValue, weight: 1 });
  const union = s.anyOf ?? s.oneOf ?? s.allOf;
  if (union?.length) return fc.oneof(...union.map((u) => schemaBody(u, depth + 1)));
  switch (s.type) {
    case 'object': {
      const entries = Object.entries(s.properties ?? {}).map(([k, v]) => [k, schemaBody(v, depth + 1)] as const);
      if (entries.length === 0 && typeof s.additionalProperties === 'object')
        return fc.dictionary(text(), schemaBody(s.additionalProperties, depth + 1), { maxKeys: 3 });
      return fc.record(Object.fromEntries(entries), { requiredKeys: (s.required ?? []).filter((k) => k in (s.properties ?? {})) });
    }
    case 'string':
      return text(s.format);
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1_000_000 }), adversarialNumber);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schemaBody(s.items, depth + 1), { maxLength: 3 });
    default:
      return adversarialValue;
  }
}
