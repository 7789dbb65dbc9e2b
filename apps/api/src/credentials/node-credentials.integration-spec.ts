import { randomUUID } from 'node:crypto';
import { SecretStore, secretKeysFromEnv } from '@tandem/db';
import { latestAudit } from '../auth/__fixtures__/audit';
import { asSession } from '../auth/__fixtures__/sign-in';
import { createTwoWorkspaces, type TestWorkspace } from '../auth/__fixtures__/two-workspaces';
import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';

jest.setTimeout(60_000);

describe('node credentials API (write-only)', () => {
  let h: EngineApiHarness;
  let a: TestWorkspace;
  let b: TestWorkspace;
  const canary = `canary-${randomUUID()}`;

  beforeAll(async () => {
    h = await startEngineApi('credentials_api');
    ({ a, b } = await createTwoWorkspaces(h.ds));
  });
  afterAll(() => h.close());

  const dev = () => asSession(h.app, a.members.developer.cookie);

  it('sets, replaces, lists and deletes a credential without ever answering or auditing its value', async () => {
    const created = await dev()
      .put('/api/credentials/crm', { value: { apiKey: canary } })
      .expect(200);
    expect(created.body).toMatchObject({ name: 'crm', keyId: 'dev', updatedBy: a.members.developer.email });
    const replaced = await dev()
      .put('/api/credentials/crm', { value: { apiKey: `${canary}-2` } })
      .expect(200);
    const listed = await dev().get('/api/credentials').expect(200);
    expect(listed.body.items).toEqual([replaced.body]);
    const store = new SecretStore(secretKeysFromEnv());
    expect(JSON.parse((await store.read(h.ds.manager, a.id, 'crm'))!)).toEqual({ apiKey: `${canary}-2` });
    expect(await latestAudit(h.ds, a.id, 'credential.changed')).toMatchObject({
      target_id: 'crm',
      before: { exists: true, updatedAt: created.body.updatedAt },
      after: { exists: true, updatedAt: replaced.body.updatedAt },
    });
    await dev().delete('/api/credentials/crm').expect(204);
    expect(await latestAudit(h.ds, a.id, 'credential.changed')).toMatchObject({ after: { exists: false, updatedAt: null } });
    await dev().delete('/api/credentials/crm').expect(404);
    const answers = [
      created.text,
      replaced.text,
      listed.text,
      (await asSession(h.app, a.members.admin.cookie).get('/api/audit').expect(200)).text,
    ];
    for (const text of answers) expect(text).not.toContain(canary);
    const rows = await h.ds.query(`SELECT * FROM audit_log WHERE workspace_id = $1`, [a.id]);
    expect(JSON.stringify(rows)).not.toContain(canary);
  });

  it("keeps each workspace's credentials to itself", async () => {
    await dev()
      .put('/api/credentials/erp', { value: { token: canary } })
      .expect(200);
    const other = asSession(h.app, b.members.admin.cookie);
    expect((await other.get('/api/credentials').expect(200)).body.items).toEqual([]);
    await other.delete('/api/credentials/erp').expect(404);
    await other.put('/api/credentials/erp', { value: { token: 'b-value-1234' } }).expect(200);
    const store = new SecretStore(secretKeysFromEnv());
    expect(JSON.parse((await store.read(h.ds.manager, a.id, 'erp'))!)).toEqual({ token: canary });
  });

  it('refuses bad names and values, and roles without credentials.manage', async () => {
    await dev()
      .put('/api/credentials/Bad-Name', { value: { k: 'v' } })
      .expect(400);
    await dev().put('/api/credentials/ok', { value: {} }).expect(400);
    // Names as node configs write them (the acme example's `acme-crm`) are fine.
    await dev()
      .put('/api/credentials/acme-crm', { value: { k: 'value-1234' } })
      .expect(200);
    await dev().delete('/api/credentials/acme-crm').expect(204);
    await dev().put('/api/credentials/ok', { value: 'plain' }).expect(400);
    // Too short to redact reliably: refused with the reason, nothing stored.
    const short = await dev()
      .put('/api/credentials/short', { value: { apiKey: 'long-enough-key', region: 'eu' } })
      .expect(400);
    expect(JSON.stringify(short.body)).toContain('at least 8 characters');
    expect(JSON.stringify(short.body)).toContain('region');
    expect((await dev().get('/api/credentials').expect(200)).body.items.map((c: { name: string }) => c.name)).not.toContain('short');
    await asSession(h.app, a.members.marketer.cookie).get('/api/credentials').expect(403);
  });
});
