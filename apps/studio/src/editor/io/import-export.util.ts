import { journeyDocumentSchema, type JourneyDocument } from '@tandem/journey-model';

/** What an import gives: the parsed document or readable reasons it was refused. */
export type ImportResult = { ok: true; document: JourneyDocument } | { ok: false; errors: string[] };

/** `Welcome flow (v2)` → `welcome-flow-v2.journey.json`. */
export function exportFileName(journeyName: string): string {
  const slug = journeyName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'journey'}.journey.json`;
}

/** The exported file's text: the document alone, pretty-printed, so it diffs well in git. */
export function serializeDocument(document: JourneyDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Accepts a bare document, `{ document }` (API bodies) or `{ draft }` (a journey as the API returns it). */
function unwrap(value: unknown): unknown {
  if (value && typeof value === 'object' && !('schemaVersion' in value)) {
    const record = value as Record<string, unknown>;
    if (record.document && typeof record.document === 'object') return record.document;
    if (record.draft && typeof record.draft === 'object') return record.draft;
  }
  return value;
}

/** Why `journeyDocumentSchema` refuses a document (first problems, `path: message`), or `null`. */
export function documentSchemaProblem(document: unknown): string | null {
  const parsed = journeyDocumentSchema.safeParse(document);
  if (parsed.success) return null;
  const first = parsed.error.issues.slice(0, 2).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  return `Not saved — ${first.join('; ')}`;
}

/**
 * Parses an imported file with `journeyDocumentSchema`. Structural problems (unknown
 * node types, dangling edges) are left to validation, which shows them on the canvas.
 */
export function parseImportedDocument(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`Not a JSON file: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const parsed = journeyDocumentSchema.safeParse(unwrap(raw));
  if (parsed.success) return { ok: true, document: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.slice(0, 20).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)),
  };
}
