import { defineNode } from '@tandem/node-sdk';
import { z } from 'zod';

/**
 * `core.opt-out@1`: records that the contact does not want messages. Every later send to
 * them is refused (`opted_out`) until `core.opt-in@1` or an admin reverses it.
 */
export const optOutNode = defineNode({
  type: 'core.opt-out',
  version: 1,
  label: 'Opt out',
  category: 'Contacts',
  icon: 'bell-off',
  description: 'Stops all messages to this contact, e.g. after they reply STOP.',
  config: z.strictObject({}),
  ports: ['main'],
  async run(ctx) {
    await ctx.contacts.setOptedOut(true);
    return { port: 'main', output: { optedOut: true, wasOptedOut: ctx.contact.optedOut } };
  },
});

/** `core.opt-in@1`: lets messages reach the contact again after an opt-out. */
export const optInNode = defineNode({
  type: 'core.opt-in',
  version: 1,
  label: 'Opt in',
  category: 'Contacts',
  icon: 'bell-ring',
  description: 'Allows messages to this contact again, e.g. after they reply START.',
  config: z.strictObject({}),
  ports: ['main'],
  async run(ctx) {
    await ctx.contacts.setOptedOut(false);
    return { port: 'main', output: { optedOut: false, wasOptedOut: ctx.contact.optedOut } };
  },
});
