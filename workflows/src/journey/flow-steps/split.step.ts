import { pickVariant } from '@tandem/journey-model/runtime';
import { flowStep } from './flow-step.types';

/** `core.split@1`: the contact's variant, the same one every time for this journey's node. */
export const splitStep = flowStep('core.split@1', (config, ctx) => {
  const port = pickVariant(ctx.contact.id, `${ctx.journeyId}:${ctx.nodeId}`, config.variants);
  return { kind: 'continue', port, output: { variant: port } };
});
