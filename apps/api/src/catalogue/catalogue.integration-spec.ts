import { journeyBuilder } from '@tandem/journey-model';
import { loadNodePackages, NodeRegistry } from '@tandem/node-sdk';
import { join } from 'node:path';
import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';

jest.setTimeout(30_000);

describe('GET /api/catalogue', () => {
  let h: EngineApiHarness;
  const acme = join(__dirname, '__fixtures__', 'acme-nodes');
  /** PIDs of the processes that loaded the fixture package's code (it records itself). */
  const loadedBy = () => (globalThis as { __acmeFixtureLoadedBy?: number[] }).__acmeFixtureLoadedBy ?? [];

  beforeAll(async () => {
    h = await startEngineApi('api_catalogue', { WORKER_NODE_PACKAGES: ` ${acme} ,` });
    await h.insert('workspaces', { name: 'Acme' });
  });
  afterAll(() => h.close());

  it('lists flow control, built-in and custom nodes with their source package and config form', async () => {
    const { nodes } = (await h.get('/api/catalogue').expect(200)).body as {
      nodes: { key: string; source: string; ports: string[] | null; configJsonSchema: object }[];
    };
    const byKey = new Map(nodes.map((n) => [n.key, n]));
    expect(nodes[0]).toMatchObject({ key: 'core.wait@1', kind: 'flow', source: '@tandem/journey-model' });
    expect(byKey.get('core.send-buttons@1')).toMatchObject({
      kind: 'action',
      source: '@tandem/nodes-core',
      ports: null,
      sendsFreeForm: true,
      awaitsReply: true,
    });
    expect(byKey.get('acme.crm-lookup@1')).toMatchObject({
      source: acme,
      category: 'Integrations',
      ports: ['found', 'missing'],
      configJsonSchema: expect.objectContaining({ required: ['field'] }),
    });
    expect(nodes.filter((n) => n.key === 'core.send-text@1')).toHaveLength(1);
  });

  it('validates journeys against the same catalogue, custom nodes included', async () => {
    const doc = journeyBuilder()
      .trigger({ kind: 'api' })
      .node('lookup', 'acme.crm-lookup@1', { field: 'email' })
      .node('end', 'core.end@1')
      .edge('lookup', 'found', 'end')
      .build();
    const res = await h
      .post('/api/journeys/validate', { document: { ...doc, settings: { ...doc.settings, numberId: undefined } } })
      .expect(200);
    expect(res.body.issues.map((i: { code: string }) => i.code)).toEqual(['no-number']);
    expect(res.body.ports.lookup).toEqual(['found', 'missing']);
  });

  // Runs last: it loads the package the way the worker does, which leaves the mark.
  it('never runs custom node code in the api; the worker loads the same package and runs it', async () => {
    await h.get('/api/catalogue').expect(200);
    expect(loadedBy()).toEqual([]);

    const registry = new NodeRegistry();
    expect(loadNodePackages([acme], registry)).toEqual([{ specifier: acme, nodes: ['acme.crm-lookup@1'] }]);
    expect(loadedBy()).toEqual([process.pid]);
    await expect(registry.require('acme.crm-lookup@1').run({} as never, { field: 'email' })).resolves.toEqual({ port: 'found' });
  });
});
