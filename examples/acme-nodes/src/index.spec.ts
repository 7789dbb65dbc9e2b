import { catalogueEntryOf, catalogueFor, describeNodePackage, loadNodePackages, NodeRegistry } from '@tandem/node-sdk';
import { flowCatalogue, journeyBuilder, validateJourney } from '@tandem/journey-model';
import { nodes } from './index';

describe('@acme/tandem-nodes', () => {
  it('is a node package the engine can load and journeys can use', () => {
    const registry = new NodeRegistry();
    expect(loadNodePackages(['./index'], registry, __dirname)).toEqual([{ specifier: './index', nodes: ['acme.crm-lookup@1'] }]);

    const doc = journeyBuilder()
      .trigger({ kind: 'message.received', match: { kind: 'any' } })
      .node('lookup', 'acme.crm-lookup@1', {})
      .node('vip', 'core.end@1')
      .edge('lookup', 'found', 'vip')
      .build();
    expect(validateJourney(doc, catalogueFor(registry))).toEqual([]);
  });

  it('has a static description (what its build writes) the api validates journeys with', () => {
    const [described] = describeNodePackage(nodes).nodes;
    expect(described).toMatchObject({ key: 'acme.crm-lookup@1', ports: ['found', 'not_found', 'error'] });
    const catalogue = { ...flowCatalogue, [described.key]: catalogueEntryOf(described) };
    const doc = journeyBuilder()
      .trigger({ kind: 'message.received', match: { kind: 'any' } })
      .node('lookup', 'acme.crm-lookup@1', { lookupBy: 'email', fields: { plan: 'plan' } })
      .node('vip', 'core.end@1')
      .edge('lookup', 'found', 'vip')
      .build();
    expect(validateJourney(doc, catalogue)).toEqual([]);
    const bad = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'lookup' ? { ...n, config: { lookupBy: 'fax' } } : n)) };
    expect(validateJourney(bad, catalogue).map((i) => i.code)).toEqual(['invalid-config']);
  });
});
