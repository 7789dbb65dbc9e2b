import { evaluateCondition } from '@tandem/journey-model/runtime';
import { flowStep } from './flow-step.types';

/** `core.condition@1`: `true` or `false` by its rules over the contact, the variables and the trigger. */
export const conditionStep = flowStep('core.condition@1', (config, ctx) => ({
  kind: 'continue',
  port: evaluateCondition(config, ctx) ? 'true' : 'false',
}));
