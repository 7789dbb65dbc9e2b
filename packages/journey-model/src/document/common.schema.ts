import { z } from 'zod';
import { DAY_MS, DURATION_UNITS, durationToMs, type Duration } from './duration.util';

/** Node, edge and trigger ids: short, URL- and log-safe. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, `_` and `-` only');

/**
 * A port name: lowercase words (`main`, `true`, `window_closed`, a button id such as `yes`).
 * Button and branch ids become port names, so they follow the same rule.
 */
export const portNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, `_` and `-`, starting with a letter or digit');

export { DAY_MS, DURATION_UNITS, SERVICE_WINDOW_MS, durationToMs, type Duration } from './duration.util';

/** Units a marketer picks in a form; converted with {@link durationToMs}. */
export const durationUnitSchema = z.enum(DURATION_UNITS);

/** A positive span of time, e.g. `{ amount: 2, unit: 'days' }`. At most 365 days. */
export const durationSchema: z.ZodType<Duration> = z
  .strictObject({
    amount: z.number().positive(),
    unit: durationUnitSchema,
  })
  .refine((d) => durationToMs(d) <= 365 * DAY_MS, 'at most 365 days');

/** A message template by name and language code, e.g. `{ name: 'order_update', language: 'en_US' }`. */
export const templateRefSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(512)
    .regex(/^[a-z0-9_]+$/, 'template names are lowercase letters, digits and `_`'),
  language: z.string().min(2).max(15),
});

/** A message template by name and language. */
export type TemplateRef = z.infer<typeof templateRefSchema>;

/**
 * Checks that a regular expression compiles, for `.refine` on config fields.
 * Patterns are capped at 200 characters. Whether one can backtrack catastrophically is
 * checked apart, in Node (`@tandem/journey-model/regex-safety`: api validation, worker loaders).
 */
export function isValidRegex(pattern: string, flags = ''): boolean {
  if (pattern.length > 200) return false;
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}
