import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Structure of a JSON value: object keys (sorted) and value types; arrays by their first item. */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shapeOf(value[0])] : [];
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, shapeOf((value as Record<string, unknown>)[key])]),
    );
  }
  return value === null ? 'null' : typeof value;
}

export function loadWebhookFixture(name: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, 'webhooks', `${name}.json`), 'utf8')) as unknown;
}
