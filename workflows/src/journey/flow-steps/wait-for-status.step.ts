import { durationToMs, STATUS_TIMEOUT_PORT } from '@tandem/journey-model/runtime';
import { statusPort } from '../run-state.util';
import { flowStep } from './flow-step.types';

/** `core.wait-for-status@1`: waits for a status of the run's latest send; `timeout` otherwise. */
export const waitForStatusStep = flowStep('core.wait-for-status@1', (config, ctx) => ({
  kind: 'wait',
  wait: {
    on: 'status',
    untilMs: ctx.nowMs + durationToMs(config.timeout),
    ready: (run) => statusPort(run.inbox, run.lastSend, config) !== undefined,
    end: (run) => ({
      port: statusPort(run.inbox, run.lastSend, config) ?? STATUS_TIMEOUT_PORT,
      output: { wamid: run.lastSend?.wamid ?? null },
    }),
  },
}));
