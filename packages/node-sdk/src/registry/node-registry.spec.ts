import { journeyBuilder, validateJourney } from '@tandem/journey-model';
import { z } from 'zod';
import { defineNode } from '../define-node';
import { catalogueFor, NodeRegistry, nodeSpecsFor, UnknownNodeTypeError } from './node-registry';

const node = (type: string, version = 1) =>
  defineNode({
    type,
    version,
    label: type,
    category: 'Test',
    icon: 'box',
    description: 'A test node.',
    config: z.object({ url: z.url() }),
    ports: ['main', 'error'],
    run: async () => ({ port: 'main' }),
  });

describe('NodeRegistry', () => {
  it('looks nodes up by type@version', () => {
    const registry = new NodeRegistry().register(node('acme.lookup'), node('acme.lookup', 2));
    expect(registry.require('acme.lookup@2').version).toBe(2);
    expect(registry.get('acme.lookup@3')).toBeUndefined();
    expect(registry.has('acme.lookup@1')).toBe(true);
    expect(registry.list().map((d) => d.key)).toEqual(['acme.lookup@1', 'acme.lookup@2']);
    expect(() => registry.require('acme.other@1')).toThrow(UnknownNodeTypeError);
  });

  test.each([
    ['a duplicate key', [node('acme.lookup')], 'acme.lookup@1 is registered twice'],
    ['a duplicate inside one call', [node('acme.new'), node('acme.new')], 'acme.new@1 is registered twice'],
    ['a flow-control type', [node('core.wait')], 'core.wait@1 is a flow-control node type'],
  ])('refuses %s and registers nothing from that call', (_name, defs, message) => {
    const registry = new NodeRegistry().register(node('acme.lookup'));
    expect(() => registry.register(node('acme.fine'), ...defs)).toThrow(message);
    expect(registry.list().map((d) => d.key)).toEqual(['acme.lookup@1']);
  });

  it('describes its nodes for the studio, after the flow-control nodes', () => {
    const specs = nodeSpecsFor(new NodeRegistry().register(node('acme.lookup')));
    expect(specs[0].key).toBe('core.wait@1');
    const lookup = specs.find((s) => s.key === 'acme.lookup@1');
    expect(lookup).toEqual(expect.objectContaining({ kind: 'action', ports: ['main', 'error'], defaultConfig: null }));
    expect(lookup?.configJsonSchema).toEqual(expect.objectContaining({ required: ['url'] }));
  });

  it('builds the catalogue validateJourney checks action and flow nodes against', () => {
    const catalogue = catalogueFor(new NodeRegistry().register(node('acme.lookup')));
    const doc = journeyBuilder()
      .trigger({ kind: 'message.received', match: { kind: 'any' } })
      .node('lookup', 'acme.lookup@1', { url: 'not a url' })
      .node('end', 'core.end@1')
      .edge('lookup', 'found', 'end')
      .build();
    expect(validateJourney(doc, catalogue).map((i) => i.code)).toEqual(['invalid-config']);
    const fixed = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'lookup' ? { ...n, config: { url: 'https://crm.example.com' } } : n)) };
    expect(validateJourney(fixed, catalogue).map((i) => i.code)).toEqual(['unknown-port']);
  });
});
