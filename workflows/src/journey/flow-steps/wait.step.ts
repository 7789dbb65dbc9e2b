import type { WaitConfig } from '@tandem/journey-model';
import { durationToMs, nextTimeInWindow } from '@tandem/journey-model/runtime';
import { flowStep, type FlowContext, type FlowWait } from './flow-step.types';

/** Port a `core.wait@1` takes once its time has come. */
export const WAIT_PORT = 'main';

/** Instant a `core.wait@1` ends (epoch ms); at or before `nowMs` means "go on at once". */
export function waitUntil(config: WaitConfig, ctx: Pick<FlowContext, 'nowMs' | 'timezone'>): number {
  switch (config.mode) {
    case 'duration':
      return ctx.nowMs + durationToMs(config.duration);
    case 'until':
      return Date.parse(config.at);
    case 'window':
      return nextTimeInWindow(ctx.nowMs, config.window, config.timezone ?? ctx.timezone);
  }
}

/** A wait that only time ends. */
export function timerWait(untilMs: number): FlowWait {
  return { on: 'timer', untilMs, ready: () => false, end: () => ({ port: WAIT_PORT }) };
}

/** `core.wait@1`: holds the run for a duration, until an instant or a time window, then `main`. */
export const waitStep = flowStep('core.wait@1', (config, ctx) => ({ kind: 'wait', wait: timerWait(waitUntil(config, ctx)) }));
