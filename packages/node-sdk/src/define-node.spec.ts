import { z } from 'zod';
import { defineNode, NodeDefinitionError } from './define-node';
import type { DefineNodeInput } from './node-definition.types';

type IsAny<T> = 0 extends 1 & T ? true : false;

const base = {
  type: 'acme.greet',
  version: 1,
  label: 'Greet',
  category: 'Messages',
  icon: 'hand',
  description: 'Says hello.',
};

describe('defineNode', () => {
  it('infers the config type from the zod schema, defaults applied', async () => {
    const def = defineNode({
      ...base,
      config: z.object({ greeting: z.string().default('Hello'), times: z.number().int().optional() }),
      ports: ['main'],
      async run(_ctx, config) {
        const notAny: IsAny<typeof config> = false;
        const greeting: string = config.greeting;
        const times: number | undefined = config.times;
        return { port: 'main', output: { greeting, times, notAny } };
      },
    });
    expect(def.key).toBe('acme.greet@1');
    expect(def.kind).toBe('action');
    expect(def.configSchema.parse({})).toEqual({ greeting: 'Hello' });
  });

  it('keeps fixed ports static and derives config-dependent ones', () => {
    const fixed = defineNode({ ...base, config: z.object({}), ports: ['main', 'failed'], run: async () => ({ port: 'main' }) });
    expect(fixed.staticPorts).toEqual(['main', 'failed']);
    expect(fixed.ports({})).toEqual(['main', 'failed']);

    const perChoice = defineNode({
      ...base,
      config: z.object({ choices: z.array(z.string()) }),
      ports: (config) => [...config.choices, 'failed'],
      run: async () => ({ port: 'failed' }),
    });
    expect(perChoice.staticPorts).toBeUndefined();
    expect(perChoice.ports({ choices: ['a', 'b'] })).toEqual(['a', 'b', 'failed']);
  });

  it('adds the reply ports of a node that waits for a reply', () => {
    const ask = defineNode({
      ...base,
      config: z.object({ options: z.array(z.string()) }),
      ports: ['window_closed', 'failed'],
      awaitsReply: (config) => ({
        timeout: { amount: 1, unit: 'days' },
        branches: config.options.map((id) => ({ port: id, match: { kind: 'choice', ids: [id] } })),
      }),
      run: async () => ({ awaitReply: true }),
    });
    expect(ask.ports({ options: ['yes', 'no'] })).toEqual(['yes', 'no', 'other', 'timeout', 'window_closed', 'failed']);
    expect(ask.staticPorts).toBeUndefined();
  });

  test.each<[string, Partial<DefineNodeInput<unknown>>, string]>([
    ['type without namespace', { type: 'greet' }, 'namespace.name'],
    ['type in upper case', { type: 'Acme.Greet' }, 'namespace.name'],
    ['type with a version', { type: 'acme.greet@1' }, 'namespace.name'],
    ['version 0', { version: 0 }, 'version must be an integer ≥ 1'],
    ['fractional version', { version: 1.5 }, 'version must be an integer ≥ 1'],
    ['bad port names', { ports: ['main', 'Not Found'] }, 'invalid port names Not Found'],
    ['no schema', { config: {} as never }, 'config must be a zod schema'],
  ])('rejects %s', (_name, override, message) => {
    const input = {
      ...base,
      config: z.object({}),
      ports: ['main'],
      run: async () => ({ port: 'main' }),
      ...override,
    } as DefineNodeInput<unknown>;
    expect(() => defineNode(input)).toThrow(NodeDefinitionError);
    expect(() => defineNode(input)).toThrow(message);
  });
});
