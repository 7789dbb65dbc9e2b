import { flowStep } from './flow-step.types';

/** `core.goal@1`: records the goal on the step and continues on `main`. */
export const goalStep = flowStep('core.goal@1', (config) => ({ kind: 'continue', port: 'main', output: { goal: config.name } }));

/** `core.exit@1`: the run ends as `exited`, with the reason on the step. */
export const exitStep = flowStep('core.exit@1', ({ reason }) => ({
  kind: 'finish',
  status: 'exited',
  output: reason ? { reason } : undefined,
}));

/** `core.end@1`: the run ends as `completed`. */
export const endStep = flowStep('core.end@1', () => ({ kind: 'finish', status: 'completed' }));
