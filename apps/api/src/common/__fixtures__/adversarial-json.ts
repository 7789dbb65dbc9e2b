import fc from 'fast-check';

/** Adversarial JSON for property-based tests of the api's inputs (webhook bodies, REST bodies). */

type Json = Record<string, unknown>;

/** Text a store may choke on: NUL, unpaired surrogates, any code point, long runs, look-alike escapes. */
export const adversarialString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('\u0000', 'a\u0000b', '\uD800', '\uDFFF', 'x\uD83D', '\\u0000', '%00', "'; DROP TABLE contacts; --", '', ' '),
  fc.string({ unit: fc.constantFrom('\u0000', '\uD83D', '\uDE00', 'a', '😀'), maxLength: 8 }),
  fc.constant('x'.repeat(70_000)),
  // Incompressible and long: past what PostgreSQL takes in an index entry (~2.7 kB).
  fc.constant(Array.from({ length: 600 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join('')),
);

/** Numbers and numeric strings at and past every range: timestamps of year 300 000, NaN-ish text, -0. */
export const adversarialNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, 8.64e15, 2 ** 53, -1, 0, -0, 1.5, 99999999999999, 1e21),
  fc.constantFrom('1e308', '99999999999999999999', '-1', 'NaN', 'Infinity', '0x10', '1781000000.5', ''),
);

/** Nested arrays or objects, deep but well within the body limit. */
const deepValue: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 10, max: 2_000 }), fc.boolean())
  .map(([depth, arrays]) => JSON.parse(arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));

/** Anything a field might be replaced with: wrong types, adversarial text and numbers, deep values, nothing. */
export const adversarialValue: fc.Arbitrary<unknown> = fc.oneof(
  adversarialString,
  adversarialNumber,
  fc.constantFrom(null, true, false, [], {}, undefined),
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(adversarialString, adversarialString, { maxKeys: 3 }),
  deepValue,
);

/** Every path (as keys) of a JSON value down to Meta's depth (not into a deep value placed before), the root first. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null || prefix.length >= 12) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

function replaceAt(body: Json, path: string[], value: unknown): Json {
  if (path.length === 0) return body;
  let node = body as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]] = value;
  return body;
}

/** `base` with up to three fields (anywhere, at any depth down to 12 keys) replaced by adversarial values; `undefined` drops one. */
export function mutationsOf<T>(base: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.tuple(base, fc.array(fc.tuple(fc.nat(), adversarialValue), { maxLength: 3 })).map(([body, mutations]) => {
    let out = structuredClone(body) as unknown;
    for (const [pick, value] of mutations) {
      const paths = pathsOf(out);
      const path = paths[pick % paths.length];
      out = path.length === 0 ? value : replaceAt(out as Json, path, value);
    }
    return out as T;
  });
}
