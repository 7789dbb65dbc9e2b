// A custom node package as a developer would ship it (compiled CommonJS, a defineNode() result).
const { z } = require('zod');

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
