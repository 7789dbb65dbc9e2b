// Flow-node configs with their defaults applied, without zod.
//
// The workflow interpreter must not load zod: the Temporal sandbox evaluates a workflow's
// modules once per run, and building the journey model's schemas costs more CPU than the
// rest of a short run. Documents are validated with the schemas when they are published;
// at run time these functions give the same result as each schema's `parse` for a valid
// config (`flow-config.normalize.spec.ts` checks that they stay equal) and throw
// `FlowConfigError` for a config that cannot be run.
import type { Condition, ConditionRule } from '../document/condition.schema';
import { DURATION_UNITS, type Duration } from '../document/duration.util';
import type { TimeWindow } from '../eval/time-window.schema';
import type { WaitForReplyConfig } from './wait-for-reply.node';
import type { WaitForStatusConfig } from './wait-for-status.node';
import type { WaitConfig } from './wait.node';
import type { SplitConfig } from './split.node';
import type { ExitConfig, GoalConfig } from './terminal.node';

/** A flow node's config that cannot be run (a document that bypassed validation). */
export class FlowConfigError extends Error {
  override readonly name = 'FlowConfigError';
}

type Raw = Record<string, unknown>;

const DEFAULT_TIMEOUT: Duration = { amount: 24, unit: 'hours' };
const DEFAULT_DAYS: TimeWindow['days'] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const DEFAULT_VARIANTS: SplitConfig['variants'] = [
  { port: 'a', weight: 50 },
  { port: 'b', weight: 50 },
];

function objectOf(value: unknown, what: string): Raw {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new FlowConfigError(`${what} must be an object`);
  return value as Raw;
}

function arrayOf(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new FlowConfigError(`${what} must be a list`);
  return value;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new FlowConfigError(`${what} must be text`);
  return value;
}

function duration(value: unknown, what: string): Duration {
  const raw = objectOf(value, what);
  if (typeof raw.amount !== 'number' || !(DURATION_UNITS as readonly unknown[]).includes(raw.unit)) {
    throw new FlowConfigError(`${what} must be { amount, unit }`);
  }
  return { amount: raw.amount, unit: raw.unit as Duration['unit'] };
}

/** Copies the keys that are present (zod leaves absent optional keys out). */
function optional<T extends Raw>(target: T, raw: Raw, key: string, value = raw[key]): T {
  if (raw[key] !== undefined) (target as Raw)[key] = value;
  return target;
}

function timeWindow(value: unknown): TimeWindow {
  const raw = objectOf(value, 'window');
  const days = raw.days === undefined ? [...DEFAULT_DAYS] : (arrayOf(raw.days, 'window.days') as TimeWindow['days']);
  return { days, start: text(raw.start, 'window.start'), end: text(raw.end, 'window.end') };
}

/** `core.wait@1`. */
export function normalizeWaitConfig(value: unknown): WaitConfig {
  const raw = objectOf(value, 'core.wait@1 config');
  switch (raw.mode) {
    case 'duration':
      return { mode: 'duration', duration: duration(raw.duration, 'duration') };
    case 'until':
      return { mode: 'until', at: text(raw.at, 'at') };
    case 'window':
      return optional({ mode: 'window', window: timeWindow(raw.window) }, raw, 'timezone');
    default:
      throw new FlowConfigError(`core.wait@1: unknown mode ${JSON.stringify(raw.mode)}`);
  }
}

function replyMatch(value: unknown): WaitForReplyConfig['branches'][number]['match'] {
  const raw = objectOf(value, 'branch match');
  switch (raw.kind) {
    case 'choice':
      return { kind: 'choice', ids: arrayOf(raw.ids, 'match.ids') as string[] };
    case 'keyword':
      return {
        kind: 'keyword',
        keywords: arrayOf(raw.keywords, 'match.keywords').map((k) => text(k, 'keyword').trim()),
        mode: (raw.mode ?? 'exact') as 'exact' | 'contains' | 'starts_with',
      };
    case 'any':
      return { kind: 'any' };
    default:
      throw new FlowConfigError(`unknown reply match ${JSON.stringify(raw.kind)}`);
  }
}

/** `core.wait-for-reply@1` (also what an action node that awaits a reply returns). */
export function normalizeWaitForReplyConfig(value: unknown): WaitForReplyConfig {
  const raw = objectOf(value, 'core.wait-for-reply@1 config');
  const branches = raw.branches === undefined ? [] : arrayOf(raw.branches, 'branches');
  return optional(
    {
      timeout: raw.timeout === undefined ? { ...DEFAULT_TIMEOUT } : duration(raw.timeout, 'timeout'),
      branches: branches.map((b) => {
        const branch = objectOf(b, 'branch');
        return { port: text(branch.port, 'branch.port'), match: replyMatch(branch.match) };
      }),
    },
    raw,
    'saveReplyAs',
  );
}

/** `core.wait-for-status@1`. */
export function normalizeWaitForStatusConfig(value: unknown): WaitForStatusConfig {
  const raw = objectOf(value, 'core.wait-for-status@1 config');
  const awaiting = arrayOf(raw.awaiting, 'awaiting') as WaitForStatusConfig['awaiting'];
  if (awaiting.length === 0) throw new FlowConfigError('awaiting must name a status');
  const config: WaitForStatusConfig = { awaiting } as WaitForStatusConfig;
  optional(config, raw, 'failedErrorCodes');
  config.timeout = raw.timeout === undefined ? { ...DEFAULT_TIMEOUT } : duration(raw.timeout, 'timeout');
  return config;
}

/** `core.condition@1` (and campaign segments). */
export function normalizeConditionConfig(value: unknown): Condition {
  const raw = objectOf(value, 'core.condition@1 config');
  const rules = arrayOf(raw.rules, 'rules');
  if (rules.length === 0) throw new FlowConfigError('a condition needs a rule');
  return {
    combinator: (raw.combinator ?? 'all') as Condition['combinator'],
    rules: rules.map((r) => {
      const rule = objectOf(r, 'rule');
      const out = { field: text(rule.field, 'rule.field'), op: text(rule.op, 'rule.op') } as ConditionRule;
      optional(out, rule, 'value');
      return optional(out, rule, 'ignoreCase');
    }),
  };
}

/** `core.split@1`. */
export function normalizeSplitConfig(value: unknown): SplitConfig {
  const raw = objectOf(value, 'core.split@1 config');
  if (raw.variants === undefined) return { variants: DEFAULT_VARIANTS.map((v) => ({ ...v })) };
  return {
    variants: arrayOf(raw.variants, 'variants').map((v) => {
      const variant = objectOf(v, 'variant');
      if (typeof variant.weight !== 'number') throw new FlowConfigError('variant.weight must be a number');
      return { port: text(variant.port, 'variant.port'), weight: variant.weight };
    }),
  };
}

/** `core.goal@1`. */
export function normalizeGoalConfig(value: unknown): GoalConfig {
  const raw = objectOf(value, 'core.goal@1 config');
  return { name: text(raw.name, 'name').trim() };
}

/** `core.exit@1`. */
export function normalizeExitConfig(value: unknown): ExitConfig {
  const raw = objectOf(value, 'core.exit@1 config');
  return optional({}, raw, 'reason', typeof raw.reason === 'string' ? raw.reason.trim() : raw.reason) as ExitConfig;
}
