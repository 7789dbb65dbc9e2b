import { z } from 'zod';

/** Whether `sent` statuses may arrive after `delivered` / `read` (Meta does not guarantee order). */
export const OUT_OF_ORDER_MODES = ['off', 'shuffle', 'hold_sent'] as const;

/**
 * Runtime-tunable behaviour (`POST /_sim/config` merges a partial of this). Every field
 * has a default so a test can change one knob without restating the rest.
 */
export const behaviourSchema = z.object({
  webhookUrl: z.url().describe('Callback URL that receives every webhook'),
  statusDelaysMs: z
    .object({
      sent: z.number().int().min(0),
      delivered: z.number().int().min(0),
      read: z.number().int().min(0),
    })
    .describe('Delay after acceptance at which each status webhook is emitted'),
  failRate: z.number().min(0).max(1).describe('Probability that an accepted send fails asynchronously'),
  failCode: z.number().int().describe('Error code of those failures (131026 undeliverable by default)'),
  readRate: z.number().min(0).max(1).describe('Probability that a delivered message is also read'),
  duplicateRate: z.number().min(0).max(1).describe('Probability that a delivered webhook is delivered a second time'),
  outOfOrder: z.enum(OUT_OF_ORDER_MODES),
  retry: z.object({
    initialMs: z.number().int().min(1),
    maxMs: z.number().int().min(1),
    horizonMs: z.number().int().min(0).describe('Give up on a delivery this long after its first attempt'),
  }),
  requestTimeoutMs: z.number().int().min(1),
  concurrency: z.number().int().min(1).max(256).describe('Webhook POSTs in flight at once'),
  pairRate: z.object({
    intervalMs: z.number().int().min(1).describe('GCRA emission interval per (number, recipient)'),
    burst: z.number().int().min(1).describe('Messages allowed back to back before the interval applies'),
  }),
  historyOnRequest: z.boolean().describe('Run the staged history / contact sync when the Graph request arrives'),
  templateReviewMs: z.number().int().min(0).describe('Delay before a submitted template is approved or rejected'),
});

export type SimulatorBehaviour = z.infer<typeof behaviourSchema>;

/** Partial update accepted by `POST /_sim/config`; nested objects merge field by field. */
export const behaviourPatchSchema = behaviourSchema
  .extend({
    statusDelaysMs: behaviourSchema.shape.statusDelaysMs.partial(),
    retry: behaviourSchema.shape.retry.partial(),
    pairRate: behaviourSchema.shape.pairRate.partial(),
  })
  .partial()
  .strict();

export type SimulatorBehaviourPatch = z.infer<typeof behaviourPatchSchema>;

/** Options of {@link createSimulatorApp}. */
export interface SimulatorAppOptions {
  /** Port to listen on; 0 picks a free one (read it back from the handle). */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Callback URL for webhooks. */
  webhookUrl: string;
  /** App secret: HMAC key of X-Hub-Signature-256. */
  appSecret: string;
  /** The system-user token the Graph endpoints accept for every WABA (business tokens from Embedded Signup open their own). */
  accessToken: string;
  /** App id that Embedded Signup's code exchange expects as `client_id` (META_APP_ID); default `sim-app-id`. */
  appId?: string;
  /** Bearer token the `/_sim` control API requires (SIMULATOR_CONTROL_TOKEN); unset: open, as in development. */
  controlToken?: string;
  /** Retry horizon for webhooks (default 10 minutes). */
  retryHorizonMs?: number;
  /** Load the demo seed at start and on reset (default false). */
  seed?: boolean;
  /** Default caps for numbers created without one. */
  defaultCaps?: { coexistence?: number; cloud?: number };
  /** Any other behaviour knob. */
  behaviour?: SimulatorBehaviourPatch;
  /** Nest logger levels; false silences Nest (default: errors and warnings). */
  logger?: false | ('log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal')[];
}

/** Options after defaults, as the services see them. */
export interface ResolvedSimulatorOptions {
  appSecret: string;
  accessToken: string;
  appId: string;
  seed: boolean;
  defaultCaps: { coexistence: number; cloud: number };
  behaviour: SimulatorBehaviour;
  /** Base URL the app is reachable at, filled in once it listens (media URLs use it). */
  publicUrl: string;
}

export const SIM_OPTIONS = Symbol('SIM_OPTIONS');

export function defaultBehaviour(webhookUrl: string, retryHorizonMs = 10 * 60 * 1000): SimulatorBehaviour {
  return {
    webhookUrl,
    statusDelaysMs: { sent: 50, delivered: 150, read: 400 },
    failRate: 0,
    failCode: 131026,
    readRate: 1,
    duplicateRate: 0,
    outOfOrder: 'off',
    retry: { initialMs: 250, maxMs: 30_000, horizonMs: retryHorizonMs },
    requestTimeoutMs: 5_000,
    concurrency: 8,
    pairRate: { intervalMs: 6_000, burst: 45 },
    historyOnRequest: true,
    templateReviewMs: 3_000,
  };
}

export function mergeBehaviour(base: SimulatorBehaviour, patch: SimulatorBehaviourPatch): SimulatorBehaviour {
  return {
    ...base,
    ...patch,
    statusDelaysMs: { ...base.statusDelaysMs, ...patch.statusDelaysMs },
    retry: { ...base.retry, ...patch.retry },
    pairRate: { ...base.pairRate, ...patch.pairRate },
  };
}
