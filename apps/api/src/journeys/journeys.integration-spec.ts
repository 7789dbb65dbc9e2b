import { journeyBuilder, type JourneyDocument } from '@tandem/journey-model';
import { type EngineApiHarness, startEngineApi } from './__fixtures__/engine-api-harness';
import { seedTemplate, seedTenant } from './__fixtures__/engine-rows';

jest.setTimeout(30_000);

describe('journeys REST: drafts, validation, publishing, versions, lifecycle', () => {
  let h: EngineApiHarness;
  let tenant: Awaited<ReturnType<typeof seedTenant>>;

  /** Inbound "hi" → send text → wait 2 days → send text (outside the window: a warning). */
  const withWarning = (numberId: string): JourneyDocument =>
    journeyBuilder()
      .trigger({ kind: 'message.received', match: { kind: 'keywords', keywords: ['hi'] } })
      .node('hello', 'core.send-text@1', { text: 'Hello {{contact.profileName}}' })
      .node('later', 'core.wait@1', { mode: 'duration', duration: { amount: 2, unit: 'days' } })
      .node('nudge', 'core.send-text@1', { text: 'Still there?' })
      .chain('hello', 'later', 'nudge')
      .settings({ numberId })
      .build();

  beforeAll(async () => {
    h = await startEngineApi('api_journeys');
    tenant = await seedTenant(h);
  });
  afterAll(() => h.close());

  async function createJourney(name: string, document?: JourneyDocument): Promise<string> {
    const res = await h.post('/api/journeys', { name, document }).expect(201);
    return res.body.id;
  }

  it('creates a draft with a default inbound trigger on the workspace number, lists, gets and renames it', async () => {
    const created = await h.post('/api/journeys', { name: 'Welcome' }).expect(201);
    expect(created.body).toMatchObject({
      name: 'Welcome',
      status: 'draft',
      liveVersion: null,
      numberId: tenant.numberId,
      runsActive: 0,
      draftChanged: true,
      draft: { schemaVersion: 1, triggers: [{ kind: 'message.received', match: { kind: 'any' } }], nodes: [], edges: [] },
    });
    const id = created.body.id;
    await h.patch(`/api/journeys/${id}`, { name: 'Welcome bot' }).expect(200);
    expect((await h.get(`/api/journeys/${id}`).expect(200)).body.name).toBe('Welcome bot');
    const list = await h.get('/api/journeys').expect(200);
    expect(list.body.items.map((j: { id: string }) => j.id)).toContain(id);
    expect((await h.get('/api/journeys?status=active').expect(200)).body.items).toEqual([]);
    expect((await h.post('/api/journeys', { name: '' })).status).toBe(400);
    expect((await h.get('/api/journeys/0f1e7a52-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('validates an unsaved document: issues with codes and node ids, ports per node for its config', async () => {
    const doc = journeyBuilder()
      .trigger({ kind: 'message.received', match: { kind: 'any' } })
      .node('ask', 'core.send-buttons@1', {
        body: 'Pick one',
        buttons: [
          { id: 'yes', title: 'Yes' },
          { id: 'no', title: 'No' },
        ],
      })
      .node('bad', 'core.send-text@1', {})
      .edge('ask', 'yes', 'bad')
      .edge('ask', 'maybe', 'bad')
      .settings({ numberId: tenant.numberId })
      .build();
    const res = await h.post('/api/journeys/validate', { document: doc }).expect(200);
    expect(res.body.ports.ask).toEqual(['yes', 'no', 'other', 'timeout', 'window_closed', 'failed']);
    expect(res.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: 'error', code: 'invalid-config', nodeId: 'bad' }),
        expect.objectContaining({ severity: 'error', code: 'unknown-port', edgeId: 'ask-maybe-bad' }),
      ]),
    );
    const unknownNumber = { ...doc, settings: { ...doc.settings, numberId: '0f1e7a52-0000-4000-8000-000000000000' } };
    const res2 = await h.post('/api/journeys/validate', { document: unknownNumber }).expect(200);
    expect(res2.body.issues[0]).toMatchObject({ severity: 'error', code: 'number-not-found' });
    const broken = await h.post('/api/journeys/validate', { document: { schemaVersion: 1, nodes: [{ id: 'has space' }] } });
    expect(broken.status).toBe(400);
  });

  it('autosaves an invalid draft, answers its issues, and refuses to publish it (422) without changing anything', async () => {
    const id = await createJourney('Broken');
    const draft = journeyBuilder()
      .trigger({ kind: 'message.received', match: { kind: 'any' } })
      .node('x', 'acme.unknown@1')
      .settings({ numberId: tenant.numberId })
      .build();
    const saved = await h.put(`/api/journeys/${id}/draft`, { document: draft }).expect(200);
    expect(saved.body.issues).toEqual([expect.objectContaining({ code: 'unknown-type', nodeId: 'x' })]);
    expect((await h.get(`/api/journeys/${id}`)).body.draft.nodes).toEqual([expect.objectContaining({ id: 'x', type: 'acme.unknown@1' })]);
    const refused = await h.post(`/api/journeys/${id}/publish`).expect(422);
    expect(refused.body.issues).toEqual([expect.objectContaining({ code: 'unknown-type' })]);
    expect((await h.get(`/api/journeys/${id}`)).body).toMatchObject({ status: 'draft', liveVersion: null });
    expect((await h.get(`/api/journeys/${id}/versions`)).body.items).toEqual([]);
  });

  it('publishes with warnings, treats an unchanged draft as a no-op, keeps versions immutable and rolls back', async () => {
    const id = await createJourney('Nudge', withWarning(tenant.numberId));
    const first = await h.post(`/api/journeys/${id}/publish`, { notes: 'first' }).expect(200);
    expect(first.body).toMatchObject({
      version: 1,
      unchanged: false,
      warnings: [expect.objectContaining({ code: 'freeform-window', nodeId: 'nudge' })],
    });
    expect((await h.get(`/api/journeys/${id}`)).body).toMatchObject({ status: 'active', liveVersion: 1, draftChanged: false });
    expect((await h.post(`/api/journeys/${id}/publish`).expect(200)).body).toMatchObject({ version: 1, unchanged: true });

    const edited = withWarning(tenant.numberId);
    edited.nodes[2].config = { text: 'Are you still there?' };
    await h.put(`/api/journeys/${id}/draft`, { document: edited }).expect(200);
    expect((await h.get(`/api/journeys/${id}/diff`)).body).toMatchObject({
      fromVersion: 1,
      nodes: { added: [], removed: [], changed: ['nudge'] },
      behaviourChanged: true,
    });
    expect((await h.post(`/api/journeys/${id}/publish`).expect(200)).body).toMatchObject({ version: 2, unchanged: false });

    const versions = await h.get(`/api/journeys/${id}/versions`).expect(200);
    expect(versions.body.items.map((v: { version: number; isLive: boolean }) => [v.version, v.isLive])).toEqual([
      [2, true],
      [1, false],
    ]);
    const v1 = await h.get(`/api/journeys/${id}/versions/1`).expect(200);
    expect(v1.body).toMatchObject({
      notes: 'first',
      document: { nodes: expect.arrayContaining([expect.objectContaining({ id: 'nudge', config: { text: 'Still there?' } })]) },
    });
    await expect(h.ds.query(`UPDATE journey_versions SET notes = 'x' WHERE journey_id = $1`, [id])).rejects.toThrow(/immutable/);

    const rolled = await h.post(`/api/journeys/${id}/rollback`, { version: 1 }).expect(200);
    expect(rolled.body).toMatchObject({ version: 3, unchanged: false });
    const after = await h.get(`/api/journeys/${id}`).expect(200);
    expect(after.body).toMatchObject({ liveVersion: 3, draftChanged: false });
    expect(after.body.draft.nodes[2].config.text).toBe('Still there?');
    expect((await h.get(`/api/journeys/${id}/versions/3`)).body.notes).toBe('Rollback to version 1');
    expect((await h.post(`/api/journeys/${id}/rollback`, { version: 9 })).status).toBe(404);
  });

  it('diffs a never-published draft against nothing', async () => {
    const id = await createJourney('Fresh', withWarning(tenant.numberId));
    const diff = await h.get(`/api/journeys/${id}/diff`).expect(200);
    expect(diff.body).toMatchObject({
      fromVersion: null,
      nodes: { added: ['hello', 'later', 'nudge'] },
      triggersChanged: true,
      behaviourChanged: true,
    });
  });

  it('checks templates against the number: unknown and paused templates block publishing until approved', async () => {
    const doc = journeyBuilder()
      .trigger({ kind: 'api' })
      .node('promo', 'core.send-template@1', { name: 'summer_sale', language: 'en_US' })
      .settings({ numberId: tenant.numberId })
      .build();
    const id = await createJourney('Promo', doc);
    expect((await h.post(`/api/journeys/${id}/publish`).expect(422)).body.issues).toEqual([
      expect.objectContaining({ code: 'template-unknown', nodeId: 'promo' }),
    ]);
    await seedTemplate(h, tenant, 'summer_sale', 'PAUSED');
    expect((await h.post(`/api/journeys/${id}/publish`).expect(422)).body.issues).toEqual([
      expect.objectContaining({ code: 'template-not-approved' }),
    ]);
    await h.ds.query(`UPDATE templates SET status = 'APPROVED' WHERE name = 'summer_sale'`);
    expect((await h.post(`/api/journeys/${id}/publish`).expect(200)).body).toMatchObject({ version: 1, warnings: [] });
  });

  it('pauses, resumes and archives: archived journeys refuse publishing until resumed', async () => {
    const id = await createJourney('Lifecycle', withWarning(tenant.numberId));
    expect((await h.post(`/api/journeys/${id}/pause`)).status).toBe(409);
    expect((await h.post(`/api/journeys/${id}/resume`)).status).toBe(409);
    await h.post(`/api/journeys/${id}/publish`).expect(200);
    expect((await h.post(`/api/journeys/${id}/pause`).expect(200)).body.status).toBe('paused');
    expect((await h.post(`/api/journeys/${id}/resume`).expect(200)).body.status).toBe('active');
    expect((await h.post(`/api/journeys/${id}/archive`).expect(200)).body.status).toBe('archived');
    expect((await h.post(`/api/journeys/${id}/publish`)).status).toBe(409);
    expect((await h.post(`/api/journeys/${id}/resume`).expect(200)).body).toMatchObject({ status: 'active', liveVersion: 1 });
  });
});
