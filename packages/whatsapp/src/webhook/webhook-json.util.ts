/**
 * The one JSON decoding of a webhook body, shared by the endpoint's classification and by
 * `parseWebhook`. A signed body may carry text no store can keep — a NUL (`\u0000`) or a
 * UTF-16 surrogate without its pair, both legal JSON escapes (PostgreSQL's text and jsonb
 * refuse them). Each such code unit becomes U+FFFD, the Unicode replacement character, in
 * every string and key. Replaced rather than stripped: the reader still sees that something
 * was there, and two different ids ("1\u00002" and "12") never collapse into one. The raw
 * bytes (what the signature covers) are stored untouched; only what is read from them changes.
 */
export const REPLACEMENT_CHARACTER = '\uFFFD';

/** Matched per code unit (no `u` flag): a NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one. */
// eslint-disable-next-line no-control-regex -- NUL is what this matches
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * In JSON text a NUL or a surrogate can only be written as a `\u` escape (raw control
 * characters are invalid, and UTF-8 decoding never yields a surrogate), so a body without
 * such an escape needs no walk: the common case costs one scan.
 */
const SUSPECT_ESCAPE = /\\u(?:0000|d[89a-f])/i;

/** The parsed body with unstorable text replaced, or `undefined` when it is not JSON. */
export function decodeWebhookJson(raw: Buffer | string): unknown {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return SUSPECT_ESCAPE.test(text) ? replaceUnstorable(parsed) : parsed;
}

/** Replaces NUL and unpaired surrogates in one string with U+FFFD. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, REPLACEMENT_CHARACTER);
}

/**
 * Replaces unstorable text in a freshly parsed JSON value, in place (so its caller must own
 * it). An explicit stack, not recursion: JSON.parse accepts nesting far deeper than the call stack.
 */
function replaceUnstorable(root: unknown): unknown {
  if (typeof root === 'string') return storableText(root);
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    const keys = Object.keys(record);
    const renamed = keys.some((k) => storableText(k) !== k);
    const entries = keys.map((k) => [renamed ? storableText(k) : k, record[k]] as const);
    // Renamed keys are re-added in their order (a replaced key may equal a later one: the later wins, as in JSON.parse).
    if (renamed) keys.forEach((k) => delete record[k]);
    for (const [key, value] of entries) {
      if (typeof value === 'object' && value !== null) stack.push(value);
      const stored = typeof value === 'string' ? storableText(value) : value;
      if (renamed || stored !== value) setOwn(record, key, stored);
    }
  }
  return root;
}

/** An own data property, as JSON.parse makes it: plain assignment to `__proto__` would set the prototype instead. */
function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}
