import { defineNode, interpolate, NonRetryableNodeError, scopeOf, type AttributeValue } from '@tandem/node-sdk';
import { z } from 'zod';

/** Attribute names: letters, digits and `_`, so they read well in `{{contact.attributes.x}}`. */
export const attributeKeySchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'letters, digits and _, not starting with a digit');

function convert(text: string, type: 'string' | 'number' | 'boolean', key: string): AttributeValue {
  if (text === '') return null;
  if (type === 'string') return text;
  if (type === 'number') {
    const n = Number(text.replace(',', '.'));
    if (!Number.isFinite(n)) throw new NonRetryableNodeError(`attribute ${key}: "${text}" is not a number`);
    return n;
  }
  const lower = text.toLowerCase();
  if (['true', 'yes', '1'].includes(lower)) return true;
  if (['false', 'no', '0'].includes(lower)) return false;
  throw new NonRetryableNodeError(`attribute ${key}: "${text}" is not true or false`);
}

/**
 * `core.set-attribute@1`: sets a contact attribute from a value with placeholders
 * (`{{vars.answer}}`), stored as text, number or true/false. An empty value clears the
 * attribute; a value that does not convert fails the step with a clear error.
 */
export const setAttributeNode = defineNode({
  type: 'core.set-attribute',
  version: 1,
  label: 'Set attribute',
  category: 'Contacts',
  icon: 'user-pen',
  description: 'Saves a value on the contact, e.g. the answer to a question.',
  config: z.strictObject({
    key: attributeKeySchema,
    value: z.string().max(4096),
    valueType: z.enum(['string', 'number', 'boolean']).default('string'),
  }),
  ports: ['main'],
  async run(ctx, config) {
    const value = convert(interpolate(config.value, scopeOf(ctx)).trim(), config.valueType, config.key);
    await ctx.contacts.setAttribute(config.key, value);
    return { port: 'main', output: { key: config.key, value } };
  },
});
