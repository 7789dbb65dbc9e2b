import { catalogueFor, loadNodePackages, NodeRegistry } from '@tandem/node-sdk';
import { journeyBuilder, validateJourney } from '@tandem/journey-model';

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
});
