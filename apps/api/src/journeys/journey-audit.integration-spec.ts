import { journeyBuilder } from '@tandem/journey-model';
import { type EngineApiHarness, startEngineApi } from './__fixtures__/engine-api-harness';
import { apiJourney, callAs, twoWorkspacesWithJourneys } from './__fixtures__/two-workspace-journeys';

jest.setTimeout(60_000);

interface AuditRow {
  workspace_id: string;
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string;
  target_label: string;
  before: unknown;
  after: unknown;
}

describe('journey audit: publish, roll back, pause, resume and archive record who did it, with the change', () => {
  let h: EngineApiHarness;
  let world: Awaited<ReturnType<typeof twoWorkspacesWithJourneys>>;
  let journeyId: string;

  const entries = async (): Promise<AuditRow[]> =>
    h.ds.query(
      `SELECT workspace_id, actor_type, actor_id, actor_label, action, target_type, target_id, target_label, before, after
         FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [journeyId],
    );

  beforeAll(async () => {
    h = await startEngineApi('api_journey_audit');
    world = await twoWorkspacesWithJourneys(h);
    const call = callAs(h, world.a.members.admin.cookie);
    journeyId = (await call('post', '/api/journeys', { name: 'Audited', document: apiJourney(world.a.numberId) }).expect(201)).body.id;
  });
  afterAll(() => h.close());

  it('records each change once, in the workspace, by the person or token that made it; publishedBy names them too', async () => {
    const { a } = world;
    const admin = callAs(h, a.members.admin.cookie);
    const marketer = callAs(h, a.members.marketer.cookie);
    const token = callAs(h, a.adminToken);
    const path = (action: string) => `/api/journeys/${journeyId}/${action}`;

    await admin('post', path('publish'), { notes: 'first' }).expect(200);
    await admin('post', path('publish')).expect(200); // unchanged: no version, no entry
    await marketer('put', path('draft'), { document: apiJourney(a.numberId, 'Hello again') }).expect(200);
    await marketer('post', path('publish')).expect(200);
    await marketer('post', path('pause')).expect(200);
    await marketer('post', path('pause')).expect(200); // already paused: no entry
    await token('post', path('resume')).expect(200);
    await token('post', path('archive')).expect(200);
    await token('post', path('resume')).expect(200);
    await token('post', path('rollback'), { version: 1 }).expect(200);

    const person = (who: { userId: string; email: string }) => ({ actor_type: 'user', actor_id: who.userId, actor_label: who.email });
    const byToken = { actor_type: 'token', actor_id: expect.any(String), actor_label: 'token test admin' };
    const entry = (actor: object, action: string, before: object, after: object) => ({
      workspace_id: a.id,
      ...actor,
      action,
      target_type: 'journey',
      target_id: journeyId,
      target_label: 'Audited',
      before,
      after,
    });
    const live = (status: string, liveVersion: number | null) => ({ status, liveVersion });
    expect(await entries()).toEqual([
      entry(person(a.members.admin), 'journey.published', live('draft', null), live('active', 1)),
      entry(person(a.members.marketer), 'journey.published', live('active', 1), live('active', 2)),
      entry(person(a.members.marketer), 'journey.paused', live('active', 2), live('paused', 2)),
      entry(byToken, 'journey.resumed', live('paused', 2), live('active', 2)),
      entry(byToken, 'journey.archived', live('active', 2), live('archived', 2)),
      entry(byToken, 'journey.resumed', live('archived', 2), live('active', 2)),
      entry(byToken, 'journey.rolled_back', live('active', 2), { ...live('active', 3), toDocumentOf: 1 }),
    ]);

    const versions = (await admin('get', path('versions')).expect(200)).body.items;
    expect(versions.map((v: { version: number; publishedBy: string }) => [v.version, v.publishedBy])).toEqual([
      [3, 'token test admin'],
      [2, a.members.marketer.email],
      [1, a.members.admin.email],
    ]);

    // The audit log of the other workspace shows none of it.
    const other = (await callAs(h, world.b.members.admin.cookie)('get', `/api/audit?targetId=${journeyId}`).expect(200)).body;
    expect(other.items).toEqual([]);
    const own = (await admin('get', `/api/audit?targetId=${journeyId}`).expect(200)).body;
    expect(own.items.map((i: { action: string }) => i.action)).toEqual([...(await entries())].reverse().map((e) => e.action));
  });

  it('records nothing for a refused publish', async () => {
    const admin = callAs(h, world.a.members.admin.cookie);
    const before = await entries();
    const broken = journeyBuilder().trigger({ kind: 'api' }).node('x', 'acme.unknown@1').settings({ numberId: world.a.numberId }).build();
    await admin('put', `/api/journeys/${journeyId}/draft`, { document: broken }).expect(200);
    await admin('post', `/api/journeys/${journeyId}/publish`).expect(422);
    expect(await entries()).toEqual(before);
  });

  it('writes a change and its entry in one transaction: when the entry cannot be written, the change is undone', async () => {
    const admin = callAs(h, world.a.members.admin.cookie);
    expect((await admin('get', `/api/journeys/${journeyId}`).expect(200)).body.status).toBe('active');
    await h.ds.query(`ALTER TABLE audit_log ADD CONSTRAINT refuse_pause CHECK (action <> 'journey.paused') NOT VALID`);
    try {
      expect((await admin('post', `/api/journeys/${journeyId}/pause`)).status).toBe(500);
    } finally {
      await h.ds.query('ALTER TABLE audit_log DROP CONSTRAINT refuse_pause');
    }
    expect((await admin('get', `/api/journeys/${journeyId}`).expect(200)).body.status).toBe('active');

    const versionsBefore = (await admin('get', `/api/journeys/${journeyId}/versions`).expect(200)).body.items.length;
    await admin('put', `/api/journeys/${journeyId}/draft`, { document: apiJourney(world.a.numberId, 'Never live') }).expect(200);
    await h.ds.query(`ALTER TABLE audit_log ADD CONSTRAINT refuse_publish CHECK (action <> 'journey.published') NOT VALID`);
    try {
      expect((await admin('post', `/api/journeys/${journeyId}/publish`)).status).toBe(500);
    } finally {
      await h.ds.query('ALTER TABLE audit_log DROP CONSTRAINT refuse_publish');
    }
    expect((await admin('get', `/api/journeys/${journeyId}/versions`).expect(200)).body.items).toHaveLength(versionsBefore);
  });
});
