// A custom node package as a developer would ship it (compiled CommonJS, a defineNode()
// result, and the tandem-nodes.json its build wrote next to it). Loading it leaves a mark,
// so tests can prove which processes ran its code.
const { z } = require('zod');

globalThis.__acmeFixtureLoadedBy = [...(globalThis.__acmeFixtureLoadedBy ?? []), process.pid];

const crmLookup = {
  kind: 'action',
  type: 'acme.crm-lookup',
  version: 1,
  key: 'acme.crm-lookup@1',
  label: 'CRM lookup',
  category: 'Integrations',
  icon: 'database',
  description: 'Finds the contact in the Acme CRM.',
  configSchema: z.object({ field: z.string().min(1) }),
  ports: () => ['found', 'missing'],
  staticPorts: ['found', 'missing'],
  run: async () => ({ port: 'found' }),
};

module.exports = { nodes: [crmLookup] };
