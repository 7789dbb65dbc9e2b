import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** A valid import row. */
export interface ImportRow {
  line: number;
  waId: string;
  userId: string | null;
  name: string | null;
  tags: string[];
  attributes: Record<string, string>;
}

export interface ParsedImport {
  rows: ImportRow[];
  rejected: { line: number; reason: string }[];
  total: number;
}

export const MAX_IMPORT_ROWS = 50_000;
/** Largest CSV upload (body or multipart file). */
export const CONTACTS_CSV_MAX_BYTES = 10 * 1024 * 1024;
const PHONE_COLUMNS = ['phone', 'wa_id', 'phone_number'];
/** Columns the export writes that an import must not take as attributes (state is not imported). */
const READ_ONLY = new Set([
  'profile_name',
  'opted_out',
  'marketing_opted_out',
  'marketing_held_until',
  'last_inbound_at',
  'created_at',
  'id',
]);
const ATTRIBUTE_KEY = /^[A-Za-z_][\w.-]{0,63}$/;

/** Thrown for a file that cannot be read at all (no header, no phone column, too many rows). */
export class CsvFileError extends Error {}

/** Digits of an international number (E.164 without +): 8 to 15 digits after removing + ( ) - . and spaces. */
export function normalizePhone(raw: string): string | null {
  const cleaned = raw
    .trim()
    .replace(/^00/, '')
    .replace(/[\s()+.-]/g, '');
  return /^[1-9]\d{7,14}$/.test(cleaned) ? cleaned : null;
}

/**
 * Reads a contacts CSV: a header row, a phone column (`phone`, `wa_id` or `phone_number`),
 * optional `user_id`, `name` and `tags` (separated by `;` or `|`), every other column an
 * attribute (`attr.` prefixes are dropped). Bad rows are reported with their line and reason
 * and skipped; the good rows are returned. A repeated phone keeps its first row.
 */
export function parseContactsCsv(text: string): ParsedImport {
  let records: { record: Record<string, string>; line: number }[];
  try {
    records = // One line ending (\r\n and \r become \n) so that line numbers count as an editor does.
      (
        parse(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), {
          columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
          skip_empty_lines: true,
          relax_column_count: true,
          trim: true,
          info: true,
          raw: true,
        }) as { record: Record<string, string>; info: { lines: number }; raw: string }[]
      ).map((r) => ({ record: r.record, line: startLine(r.info.lines, r.raw) }));
  } catch (error) {
    throw new CsvFileError(`not a readable CSV file: ${(error as Error).message}`);
  }
  if (records.length > MAX_IMPORT_ROWS) throw new CsvFileError(`at most ${MAX_IMPORT_ROWS} rows per file (got ${records.length})`);
  const header = records[0] ? Object.keys(records[0].record) : headerOf(text);
  const phoneColumn = PHONE_COLUMNS.find((c) => header.includes(c));
  if (!phoneColumn) throw new CsvFileError(`the header needs a phone column (${PHONE_COLUMNS.join(', ')})`);
  const rows: ImportRow[] = [];
  const rejected: { line: number; reason: string }[] = [];
  const seen = new Map<string, number>();
  for (const { record, line } of records) {
    const result = readRow(record, phoneColumn);
    if (typeof result === 'string') {
      rejected.push({ line, reason: result });
      continue;
    }
    const first = seen.get(result.waId);
    if (first !== undefined) {
      rejected.push({ line, reason: `phone ${result.waId} already on line ${first}` });
      continue;
    }
    seen.set(result.waId, line);
    rows.push({ ...result, line });
  }
  return { rows, rejected, total: records.length };
}

/** The line a record starts on: csv-parse counts the line it ends on (quoted cells may span lines). */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

function headerOf(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(',').map((h) => h.trim().toLowerCase());
}

function readRow(record: Record<string, string>, phoneColumn: string): Omit<ImportRow, 'line'> | string {
  const rawPhone = record[phoneColumn] ?? '';
  if (!rawPhone) return 'phone is empty';
  const waId = normalizePhone(rawPhone);
  if (!waId) return `phone "${rawPhone.slice(0, 40)}" is not an international number (8 to 15 digits with country code)`;
  const tags = (record.tags ?? '')
    .split(/[;|]/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.some((t) => t.length > 100)) return 'a tag is longer than 100 characters';
  if (tags.length > 100) return 'more than 100 tags';
  const name = record.name ? record.name : null;
  if (name && name.length > 200) return 'name is longer than 200 characters';
  const attributes: Record<string, string> = {};
  for (const [column, value] of Object.entries(record)) {
    if (column === phoneColumn || ['user_id', 'name', 'tags', ...PHONE_COLUMNS].includes(column) || READ_ONLY.has(column)) continue;
    const key = column.startsWith('attr.') ? column.slice(5) : column;
    if (!ATTRIBUTE_KEY.test(key)) return `column "${column.slice(0, 40)}" is not a valid attribute name`;
    if (value === undefined || value === '') continue;
    if (value.length > 2000) return `attribute ${key} is longer than 2000 characters`;
    attributes[key] = value;
  }
  const userId = record.user_id ? record.user_id : null;
  if (userId && userId.length > 100) return 'user_id is longer than 100 characters';
  return { waId, userId, name, tags, attributes };
}

/** A contact as the export writes it. */
export interface ExportContact {
  wa_id: string | null;
  user_id: string | null;
  address_book_name: string | null;
  profile_name: string | null;
  tags: string[];
  attributes: Record<string, unknown>;
  opted_out: boolean;
  marketing_opted_out: boolean;
  marketing_held_until: Date | null;
  last_inbound_at: Date | null;
}

/**
 * The export: the import's columns first (so a file round-trips), then the read-only state,
 * then one `attr.<key>` column per attribute. Cells that a spreadsheet would run as a formula
 * (= + - @ at the start) are prefixed with ' (CSV injection).
 */
export function contactsToCsv(contacts: readonly ExportContact[]): string {
  const keys = [...new Set(contacts.flatMap((c) => Object.keys(c.attributes)))].sort();
  const header = [
    'phone',
    'user_id',
    'name',
    'tags',
    'profile_name',
    'opted_out',
    'marketing_opted_out',
    'marketing_held_until',
    'last_inbound_at',
    ...keys.map((k) => `attr.${k}`),
  ];
  const rows = contacts.map((c) => [
    c.wa_id ?? '',
    c.user_id ?? '',
    c.address_book_name ?? '',
    c.tags.join(';'),
    c.profile_name ?? '',
    String(c.opted_out),
    String(c.marketing_opted_out),
    c.marketing_held_until?.toISOString() ?? '',
    c.last_inbound_at?.toISOString() ?? '',
    ...keys.map((k) => cell(c.attributes[k])),
  ]);
  return stringify([header, ...rows.map((r) => r.map(defuse))]);
}

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function defuse(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}
