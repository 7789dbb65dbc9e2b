/**
 * Start-up rules that apply only with NODE_ENV=production: a process must not run on a
 * secret anyone can read in this repository (the development defaults, the placeholders
 * of docker/compose.yml) or one short enough to guess.
 */

/** Variables holding secrets; each is refused in production when default, empty or short. */
export const SECRET_VARIABLES = [
  'TANDEM_ADMIN_TOKEN',
  'META_ACCESS_TOKEN',
  'META_APP_SECRET',
  'META_VERIFY_TOKEN',
  'SIMULATOR_CONTROL_TOKEN',
  'TANDEM_SECRETS_KEYS',
] as const;

/** Shortest secret accepted in production. */
export const MIN_SECRET_LENGTH = 16;

/** Public values that must never guard a production system (besides each schema's default). */
const KNOWN_PLACEHOLDERS = new Set(['change-me', 'change-me-admin-token', 'changeme', 'secret', 'password']);

export interface ProductionProblem {
  variable: string;
  expected: string;
  /** What was wrong with the value, without the value itself (it may be a real secret). */
  got: string;
}

/**
 * The production problems of the loaded variables (none outside production). `NODE_ENV`
 * is read from the raw environment: the worker and the simulator do not load the `app` area.
 */
export function productionProblems(
  values: Record<string, unknown>,
  defaults: Record<string, unknown>,
  env: Record<string, string | undefined>,
): ProductionProblem[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: ProductionProblem[] = [];
  if ('SIMULATOR_PORT' in values && values.SIMULATOR_ALLOW_PRODUCTION !== 'true') {
    problems.push({
      variable: 'SIMULATOR_ALLOW_PRODUCTION',
      expected: 'true to run the simulator with NODE_ENV=production (it signs webhooks with the app secret)',
      got: JSON.stringify(values.SIMULATOR_ALLOW_PRODUCTION ?? ''),
    });
  }
  for (const variable of SECRET_VARIABLES) {
    if (!(variable in values)) continue;
    const got = weakness(String(values[variable] ?? ''), defaults[variable]);
    if (got) {
      problems.push({
        variable,
        expected: `a secret of at least ${MIN_SECRET_LENGTH} characters other than the development default (NODE_ENV=production)`,
        got,
      });
    }
  }
  return problems;
}

function weakness(value: string, devDefault: unknown): string | undefined {
  if (value === '') return 'nothing';
  if (value === devDefault) return 'the development default';
  if (KNOWN_PLACEHOLDERS.has(value.toLowerCase())) return 'a placeholder';
  if (value.length < MIN_SECRET_LENGTH) return `${value.length} characters`;
  return undefined;
}
