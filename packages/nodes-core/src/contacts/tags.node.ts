import { defineNode } from '@tandem/node-sdk';
import { z } from 'zod';

const tagConfigSchema = z.strictObject({ tag: z.string().trim().min(1).max(50) });

/** `core.add-tag@1`: tags the contact (adding a tag it already has changes nothing). */
export const addTagNode = defineNode({
  type: 'core.add-tag',
  version: 1,
  label: 'Add tag',
  category: 'Contacts',
  icon: 'tag',
  description: 'Adds a tag to the contact.',
  config: tagConfigSchema,
  ports: ['main'],
  async run(ctx, config) {
    await ctx.contacts.addTag(config.tag);
    return { port: 'main', output: { tag: config.tag, added: !ctx.contact.tags.includes(config.tag) } };
  },
});

/** `core.remove-tag@1`: removes a tag from the contact, if present. */
export const removeTagNode = defineNode({
  type: 'core.remove-tag',
  version: 1,
  label: 'Remove tag',
  category: 'Contacts',
  icon: 'tag-x',
  description: 'Removes a tag from the contact.',
  config: tagConfigSchema,
  ports: ['main'],
  async run(ctx, config) {
    await ctx.contacts.removeTag(config.tag);
    return { port: 'main', output: { tag: config.tag, removed: ctx.contact.tags.includes(config.tag) } };
  },
});
