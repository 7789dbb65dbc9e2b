import { latestAudit } from '../auth/__fixtures__/audit';
import { asSession } from '../auth/__fixtures__/sign-in';
import { createTwoWorkspaces, type TestWorkspace } from '../auth/__fixtures__/two-workspaces';
import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';

jest.setTimeout(60_000);

describe('opt-out API: history, undo, opt-out on request, keywords', () => {
  let h: EngineApiHarness;
  let a: TestWorkspace;
  let b: TestWorkspace;
  let contactId: string;

  beforeAll(async () => {
    h = await startEngineApi('opt_out_api');
    ({ a, b } = await createTwoWorkspaces(h.ds));
    [{ id: contactId }] = await h.ds.query(
      `INSERT INTO contacts (workspace_id, number_id, wa_id, opted_out, marketing_held_until)
       VALUES ($1, $2, '15550770001', true, now() + interval '1 day') RETURNING id`,
      [a.id, a.numberId],
    );
    await h.ds.query(
      `INSERT INTO contact_opt_events (workspace_id, contact_id, kind, source, detail) VALUES ($1, $2, 'opt_out', 'keyword', '{"keyword":"STOP"}')`,
      [a.id, contactId],
    );
  });
  afterAll(() => h.close());

  const as = (ws: TestWorkspace, role: keyof TestWorkspace['members']) => asSession(h.app, ws.members[role].cookie);

  it('shows the state and history, and only an admin undoes an opt-out (audited, on the history)', async () => {
    const seen = await as(a, 'viewer').get(`/api/contacts/${contactId}/opt-history`).expect(200);
    expect(seen.body).toMatchObject({ optedOut: true, marketingOptedOut: false, items: [{ kind: 'opt_out', source: 'keyword' }] });
    expect(seen.body.marketingHeldUntil).not.toBeNull();

    for (const role of ['agent', 'marketer', 'developer'] as const) {
      await as(a, role).post(`/api/contacts/${contactId}/opt-in`, { scope: 'all', reason: 'asked by phone' }).expect(403);
    }
    await as(a, 'admin').post(`/api/contacts/${contactId}/opt-in`, { scope: 'everything', reason: 'x' }).expect(400);
    await as(a, 'admin').post(`/api/contacts/${contactId}/opt-in`, { scope: 'all' }).expect(400);
    const undone = await as(a, 'admin').post(`/api/contacts/${contactId}/opt-in`, { scope: 'all', reason: 'asked by phone' }).expect(200);
    expect(undone.body).toMatchObject({
      optedOut: false,
      items: [{ kind: 'undo', scope: 'all', source: 'admin', actor: { id: a.members.admin.userId } }, { kind: 'opt_out' }],
    });
    expect(await latestAudit(h.ds, a.id, 'contact.opt_in')).toMatchObject({
      target_id: contactId,
      before: { optedOut: true },
      after: { scope: 'all' },
    });

    // Nothing left to undo: no second line.
    const again = await as(a, 'admin').post(`/api/contacts/${contactId}/opt-in`, { scope: 'all', reason: 'twice' }).expect(200);
    expect(again.body.items).toHaveLength(2);

    const hold = await as(a, 'admin').post(`/api/contacts/${contactId}/opt-in`, { scope: 'hold', reason: 'Meta lifted it' }).expect(200);
    expect(hold.body).toMatchObject({
      marketingHeldUntil: null,
      items: [{ kind: 'undo', scope: 'marketing', detail: { undid: 'hold' } }, {}, {}],
    });
  });

  it('an agent opts a contact out on request', async () => {
    const res = await as(a, 'agent').post(`/api/contacts/${contactId}/opt-out`, { reason: 'said so on the phone' }).expect(200);
    expect(res.body.optedOut).toBe(true);
    expect(res.body.items[0]).toMatchObject({ kind: 'opt_out', scope: 'all', source: 'admin', detail: { reason: 'said so on the phone' } });
    await as(a, 'viewer').post(`/api/contacts/${contactId}/opt-out`, { reason: 'x' }).expect(403);
  });

  it("another workspace's contact is a 404", async () => {
    await as(b, 'admin').get(`/api/contacts/${contactId}/opt-history`).expect(404);
    await as(b, 'admin').post(`/api/contacts/${contactId}/opt-in`, { scope: 'all', reason: 'x' }).expect(404);
    await as(b, 'admin').post(`/api/contacts/${contactId}/opt-out`, { reason: 'x' }).expect(404);
    expect((await h.ds.query('SELECT opted_out FROM contacts WHERE id = $1', [contactId]))[0].opted_out).toBe(true);
  });

  it('admins edit the keywords and confirmations; everyone reads them', async () => {
    const defaults = await as(a, 'viewer').get('/api/settings/opt-out').expect(200);
    expect(defaults.body.optOutKeywords).toEqual(expect.arrayContaining(['STOP', 'BAJA', 'PARAR', 'ABMELDEN', 'ARRÊT']));
    expect(defaults.body.optInKeywords).toContain('START');
    const next = { ...defaults.body, optOutKeywords: ['STOP', 'HALT'], optOutConfirmation: 'Bye!' };
    await as(a, 'marketer').put('/api/settings/opt-out', next).expect(403);
    await as(a, 'admin')
      .put('/api/settings/opt-out', { ...next, optOutKeywords: [] })
      .expect(400);
    await as(a, 'admin')
      .put('/api/settings/opt-out', { ...next, optOutKeywords: ['x'.repeat(41)] })
      .expect(400);
    const saved = await as(a, 'admin').put('/api/settings/opt-out', next).expect(200);
    expect(saved.body).toEqual(next);
    expect((await as(b, 'admin').get('/api/settings/opt-out').expect(200)).body).toEqual(defaults.body);
    expect(await latestAudit(h.ds, a.id, 'workspace.opt_out_settings_changed')).toMatchObject({
      after: { optOutKeywords: ['STOP', 'HALT'] },
    });
  });
});
