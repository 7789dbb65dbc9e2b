import { z } from 'zod';
import { ConfigError } from './config-error';
import { productionProblems, SECRET_VARIABLES } from './production';

/** Development key of the secrets store; production refuses it (SECRET_VARIABLES). */
export const DEV_SECRETS_KEYS = 'dev:dGFuZGVtLWRldmVsb3BtZW50LXNlY3JldHMta2V5ISE=';

function validKeyList(value: string): boolean {
  const ids = new Set<string>();
  for (const entry of value.split(',')) {
    const m = /^([\w-]{1,32}):([A-Za-z0-9+/]+={0,2})$/.exec(entry.trim());
    if (!m || ids.has(m[1]) || Buffer.from(m[2], 'base64').length !== 32) return false;
    ids.add(m[1]);
  }
  return true;
}

const port = z.coerce.number().int().min(1).max(65535);
const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `a URL starting with ${protocols.join(' or ')}`,
  );

/**
 * Every environment variable Tandem reads, grouped by area, with its default.
 * `.env.example` documents the same list; a test keeps the two in step. A variable holding
 * a secret also goes into SECRET_VARIABLES (production.ts): NODE_ENV=production refuses it
 * weak or at its default.
 */
export const configSchema = {
  app: {
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    TANDEM_ADMIN_TOKEN: z.string().min(8).default('tandem-dev-admin-token'),
    TANDEM_PUBLIC_URL: url(['http:', 'https:']).default('http://127.0.0.1:3000'),
    TANDEM_STUDIO_URL: url(['http:', 'https:']).default('http://127.0.0.1:5173'),
  },
  api: {
    API_PORT: port.default(3000),
    WEBHOOK_MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(3 * 1024 * 1024)
      .default(3 * 1024 * 1024),
    WEBHOOK_INGEST_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    WEBHOOK_INGEST_BACKOFF_MS: z.coerce.number().int().min(1).default(2000),
    INTAKE_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(30),
    INTAKE_SWEEP_AFTER_SECONDS: z.coerce.number().int().min(1).default(30),
    /** How often human-held conversations are checked against the workspace's return-to-bot rule. */
    OWNERSHIP_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
    HEALTH_CHECK_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(300),
    HEALTH_SILENT_AFTER_MINUTES: z.coerce.number().int().min(1).default(1440),
    // Signed alert webhooks (docs/alerts.md): attempts per delivery, first backoff (doubles), poll interval.
    ALERT_WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(10),
    ALERT_WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(1).default(10_000),
    ALERT_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(10).default(1000),
    SESSION_IDLE_HOURS: z.coerce.number().min(0.01).max(720).default(12),
    SESSION_MAX_DAYS: z.coerce.number().min(0.01).max(90).default(7),
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    SIGN_IN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(20),
    PASSWORD_LINK_HOURS: z.coerce.number().int().min(1).max(720).default(72),
    /** How long an inbox reply request waits for the worker's outcome before answering `pending`. */
    INBOX_REPLY_WAIT_MS: z.coerce.number().int().min(1).max(120_000).default(20_000),
  },
  database: {
    DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://tandem:tandem@127.0.0.1:5432/tandem'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DATABASE_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
  },
  redis: {
    REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[\w-]+$/, 'letters, digits, - or _')
      .default('tandem'),
  },
  temporal: {
    TEMPORAL_ADDRESS: z
      .string()
      .regex(/^[\w.-]+:\d+$/, 'host:port')
      .default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('tandem-journeys'),
    TEMPORAL_UI_URL: url(['http:', 'https:']).default('http://127.0.0.1:8233'),
  },
  meta: {
    META_GRAPH_BASE_URL: url(['http:', 'https:']).default('http://127.0.0.1:4010'),
    META_GRAPH_VERSION: z
      .string()
      .regex(/^v\d+\.\d+$/, 'a Graph version such as v23.0')
      .default('v23.0'),
    // The partner's system-user token: used for a number whose WABA has no business token of its
    // own in the secrets store (numbers added by id, the demo seed) unless the fallback is off.
    META_ACCESS_TOKEN: z.string().min(1).default('sim-access-token'),
    META_ACCESS_TOKEN_FALLBACK: z.enum(['true', 'false']).default('true'),
    META_APP_SECRET: z.string().min(1).default('sim-app-secret'),
    // The Meta app Embedded Signup's code exchange names as client_id (not a secret).
    META_APP_ID: z.string().min(1).default('sim-app-id'),
    // Embedded Signup: the dialog the studio opens (Meta: https://www.facebook.com/v23.0/dialog/oauth;
    // empty: the simulator's, at META_GRAPH_BASE_URL) and the Facebook Login for Business
    // configuration it names.
    META_SIGNUP_DIALOG_URL: z.union([z.literal(''), url(['http:', 'https:'])]).default(''),
    META_SIGNUP_CONFIG_ID: z.string().default(''),
    META_VERIFY_TOKEN: z.string().min(1).default('sim-verify-token'),
    COEXISTENCE_DEFAULT_MPS: z.coerce.number().int().min(1).max(1000).default(20),
    CLOUD_DEFAULT_MPS: z.coerce.number().int().min(1).max(1000).default(80),
    // 131049 (per-user marketing limit): how long a contact is held from MARKETING templates.
    MARKETING_HOLD_HOURS: z.coerce
      .number()
      .min(0.01)
      .max(24 * 30)
      .default(24),
  },
  simulator: {
    SIMULATOR_PORT: port.default(4010),
    SIMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
    SIMULATOR_WEBHOOK_URL: url(['http:', 'https:']).default('http://127.0.0.1:3000/webhooks/whatsapp'),
    SIMULATOR_RETRY_HORIZON_MS: z.coerce
      .number()
      .int()
      .min(0)
      .default(10 * 60 * 1000),
    SIMULATOR_ALLOW_PRODUCTION: z.enum(['true', 'false']).default('false'),
    SIMULATOR_CONTROL_TOKEN: z.string().default(''),
  },
  worker: {
    WORKER_NODE_PACKAGES: z.string().default(''),
    WORKER_HEALTH_PORT: port.default(3001),
    WORKFLOW_BUNDLE_PATH: z.string().default(''),
    WORKER_SANDBOX_WATCHDOG: z.enum(['shared', 'per-call']).default('shared'),
    // Outbound HTTP guard of ctx.http and the HTTP node (docs/security.md, "Outbound HTTP").
    HTTP_ALLOW_HOSTS: z.string().default(''),
    HTTP_MAX_RESPONSE_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(1024 * 1024),
  },
  secrets: {
    // Keys sealing stored credentials (docs/security.md, "Secrets"): `id:base64key,…`, each key
    // 32 bytes; the first seals new values, the others still open older ones.
    TANDEM_SECRETS_KEYS: z
      .string()
      .refine(validKeyList, 'comma-separated id:base64key entries, each key 32 bytes, ids unique')
      .default(DEV_SECRETS_KEYS),
  },
  studio: {
    STUDIO_PORT: port.default(5173),
  },
  media: {
    // Local-disk media storage (received media, uploads), one folder per workspace.
    MEDIA_STORAGE_DIR: z.string().min(1).default('.data/media'),
    // Download of received media: attempts on transient errors (exponential backoff from the
    // base delay) and how often the api looks for due downloads.
    MEDIA_DOWNLOAD_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    MEDIA_DOWNLOAD_BACKOFF_MS: z.coerce.number().int().min(1).default(2000),
    MEDIA_DOWNLOAD_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  },
} as const;

export type ConfigArea = keyof typeof configSchema;
type Shape<A extends ConfigArea> = (typeof configSchema)[A];
type OneArea<A extends ConfigArea> = { [K in keyof Shape<A>]: z.output<Shape<A>[K]> };
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** The validated variables of the chosen areas, merged into one object. */
export type AreaConfig<A extends ConfigArea> = UnionToIntersection<{ [X in A]: OneArea<X> }[A]>;

/**
 * Reads and validates the variables of the given areas.
 * @throws ConfigError naming each bad variable and what was expected.
 * @example const { DATABASE_URL } = loadConfig(['database']);
 */
export function loadConfig<A extends ConfigArea>(
  areas: readonly A[],
  env: Record<string, string | undefined> = process.env,
): AreaConfig<A> {
  const out: Record<string, unknown> = {};
  const defaults: Record<string, unknown> = {};
  const problems: ConstructorParameters<typeof ConfigError>[0] = [];
  for (const area of areas) {
    for (const [variable, schema] of Object.entries(configSchema[area])) {
      const raw = env[variable] === '' ? undefined : env[variable];
      const parsed = (schema as z.ZodType).safeParse(raw);
      if (parsed.success) out[variable] = parsed.data;
      else if (isSecret(variable)) problems.push({ variable, expected: describe(parsed.error), got: `${raw?.length ?? 0} characters` });
      else problems.push({ variable, expected: describe(parsed.error), received: raw });
      defaults[variable] = defaultOf(schema);
    }
  }
  for (const p of productionProblems(out, defaults, env)) problems.push({ variable: p.variable, expected: p.expected, got: p.got });
  if (problems.length) throw new ConfigError(problems);
  return out as AreaConfig<A>;
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => i.message).join('; ');
}

/** All variables with their defaults, for documentation and `.env.example` checks. */
export function configDefaults(): Record<ConfigArea, Record<string, unknown>> {
  const out = {} as Record<ConfigArea, Record<string, unknown>>;
  for (const area of Object.keys(configSchema) as ConfigArea[]) {
    out[area] = {};
    for (const [variable, schema] of Object.entries(configSchema[area])) out[area][variable] = defaultOf(schema);
  }
  return out;
}

const isSecret = (variable: string) => (SECRET_VARIABLES as readonly string[]).includes(variable);

function defaultOf(schema: unknown): unknown {
  const parsed = (schema as z.ZodType).safeParse(undefined);
  return parsed.success ? parsed.data : undefined;
}
