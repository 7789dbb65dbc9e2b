// A minimal node package in plain CommonJS, shaped like a compiled defineNode() result.
const { z } = require('zod');

const echo = {
  kind: 'action',
  type: 'fixture.echo',
  version: 1,
  key: 'fixture.echo@1',
  label: 'Echo',
  category: 'Test',
  icon: 'repeat',
  description: 'Returns its config.',
  configSchema: z.object({ text: z.string() }),
  ports: () => ['main'],
  run: async (_ctx, config) => ({ port: 'main', output: config }),
};

module.exports = { nodes: [echo] };
