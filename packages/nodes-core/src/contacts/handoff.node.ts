import { defineNode, interpolate, scopeOf } from '@tandem/node-sdk';
import { z } from 'zod';

/**
 * `core.handoff@1`: hands the conversation to a teammate. It becomes human-owned:
 * automated sends to the contact are refused (`human_owned`) until it is released.
 * `note` (placeholders allowed) is shown to the teammate.
 */
export const handoffNode = defineNode({
  type: 'core.handoff',
  version: 1,
  label: 'Hand off to a teammate',
  category: 'Contacts',
  icon: 'headset',
  description: 'Marks the conversation as handled by a person and stops automated messages.',
  config: z.strictObject({ note: z.string().max(500).optional() }),
  ports: ['main'],
  async run(ctx, config) {
    const note = config.note ? interpolate(config.note, scopeOf(ctx)).trim() : '';
    await ctx.contacts.handOff(note ? { note } : undefined);
    return { port: 'main', output: { humanOwned: true, ...(note ? { note } : {}) } };
  },
});
