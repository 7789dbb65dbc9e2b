import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, 'webhooks');

/** Every webhook fixture file name. */
export const WEBHOOK_FIXTURES: readonly string[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** The fixture file's bytes as stored (pretty-printed UTF-8). */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(join(DIR, name));
}

/** The fixture, parsed. */
export function fixture(name: string): unknown {
  return JSON.parse(fixtureBytes(name).toString('utf8'));
}

/**
 * The fixture serialized the way Meta sends it: compact JSON with every non-ASCII
 * character escaped as lowercase `\uXXXX` and `/` escaped as `\/`.
 */
export function metaBytes(name: string): Buffer {
  const compact = JSON.stringify(fixture(name))
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/');
  return Buffer.from(compact, 'ascii');
}
