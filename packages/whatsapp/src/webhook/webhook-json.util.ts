/**
 * The one JSON decoding of a webhook body, shared by the endpoint's classification and by
 * `parseWebhook`, so that whatever a signed body holds, what is read from it can be stored.
 * The raw bytes (what the signature covers) are stored untouched; only what is read changes:
 *
 * - Text: a NUL (`\u0000`) or a UTF-16 surrogate without its pair, both legal JSON escapes
 *   that PostgreSQL's text and jsonb refuse, becomes U+FFFD (the Unicode replacement
 *   character) in every string and key. Replaced rather than stripped: the reader still sees
 *   that something was there, and two different ids ("1\u00002" and "12") never become one.
 * - Nesting: a container deeper than {@link MAX_WEBHOOK_DEPTH} becomes {@link TOO_DEEP}.
 *   Meta's payloads nest about ten levels; JSON.parse accepts millions, but serializing such a
 *   value (an idempotency hash, a jsonb column) overflows the stack, and jsonb refuses it too.
 */
export const REPLACEMENT_CHARACTER = '\uFFFD';
export const MAX_WEBHOOK_DEPTH = 64;
export const TOO_DEEP = `[nested deeper than ${MAX_WEBHOOK_DEPTH} levels]`;

/** Matched per code unit (no `u` flag): a NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one. */
// eslint-disable-next-line no-control-regex -- NUL is what this matches
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * In JSON text a NUL or a surrogate can only be written as a `\u` escape (raw control
 * characters are invalid, and UTF-8 decoding never yields a surrogate): without such an
 * escape no string needs looking at, the common case.
 */
const SUSPECT_ESCAPE = /\\u(?:0000|d[89a-f])/i;

/** The parsed body made storable (see above), or `undefined` when it is not JSON. */
export function decodeWebhookJson(raw: Buffer | string): unknown {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return makeStorable(parsed, SUSPECT_ESCAPE.test(text) ? storableText : (s) => s);
}

/** Replaces NUL and unpaired surrogates in one string with U+FFFD. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, REPLACEMENT_CHARACTER);
}

/**
 * Makes a freshly parsed JSON value storable in place (so its caller must own it). An explicit
 * stack, not recursion: the value may nest far deeper than the call stack.
 */
function makeStorable(root: unknown, clean: (text: string) => string): unknown {
  if (typeof root === 'string') return clean(root);
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    const keys = Object.keys(record);
    const renamed = keys.some((k) => clean(k) !== k);
    const entries = keys.map((k) => [renamed ? clean(k) : k, record[k]] as const);
    // Renamed keys are re-added in their order (a replaced key may equal a later one: the later wins, as in JSON.parse).
    if (renamed) keys.forEach((k) => delete record[k]);
    for (const [key, value] of entries) {
      const container = typeof value === 'object' && value !== null;
      if (container && depth < MAX_WEBHOOK_DEPTH) stack.push({ node: value, depth: depth + 1 });
      const stored = container ? (depth < MAX_WEBHOOK_DEPTH ? value : TOO_DEEP) : typeof value === 'string' ? clean(value) : value;
      if (renamed || stored !== value) setOwn(record, key, stored);
    }
  }
  return root;
}

/** An own data property, as JSON.parse makes it: plain assignment to `__proto__` would set the prototype instead. */
function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}
