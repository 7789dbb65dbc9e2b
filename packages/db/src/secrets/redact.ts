/** What replaces a secret value in anything Tandem stores or answers. */
export const REDACTED = '[redacted]';

// Shorter values would redact ordinary words; a real credential is longer than this.
const MIN_REDACTED_LENGTH = 4;

/** The spellings of each value worth hiding: as is, and as a URL or form would encode it. */
export function redactionNeedles(values: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (v.length < MIN_REDACTED_LENGTH) continue;
    out.add(v);
    out.add(encodeURIComponent(v));
    out.add(JSON.stringify(v).slice(1, -1));
  }
  // Longest first, so a value containing another is replaced whole.
  return [...out].sort((a, b) => b.length - a.length);
}

/** `text` with every needle replaced by `[redacted]`. */
export function redactText(text: string, needles: readonly string[]): string {
  let out = text;
  for (const n of needles) if (out.includes(n)) out = out.split(n).join(REDACTED);
  return out;
}

/** A JSON-like value with every string (keys included) redacted; other values kept. */
export function redactValue<T>(value: T, needles: readonly string[]): T {
  if (needles.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, needles);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object' && !(v instanceof Date) && !Buffer.isBuffer(v)) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [redactText(k, needles), walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}
