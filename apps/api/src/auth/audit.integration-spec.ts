import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';
import { asSession } from './__fixtures__/sign-in';
import { createTwoWorkspaces, type TestWorkspace } from './__fixtures__/two-workspaces';
import { AUDIT_ACTIONS } from './audit.service';

jest.setTimeout(60_000);

describe('audit log REST: the workspace’s own entries, newest first, filters, cursor paging', () => {
  let h: EngineApiHarness;
  let a: TestWorkspace;
  let b: TestWorkspace;
  const tokenIds: string[] = [];
  let foreignTokenId: string;

  const audit = (query = '') => asSession(h.app, a.members.admin.cookie).get(`/api/audit${query}`).expect(200);

  beforeAll(async () => {
    h = await startEngineApi('auth_audit');
    ({ a, b } = await createTwoWorkspaces(h.ds));
    for (const name of ['one', 'two', 'three'])
      tokenIds.push((await asSession(h.app, a.members.admin.cookie).post('/api/api-tokens', { name, role: 'viewer' }).expect(201)).body.id);
    await asSession(h.app, a.members.admin.cookie).post('/api/members', { email: 'joiner@test.tandem', role: 'agent' }).expect(201);
    foreignTokenId = (await asSession(h.app, b.members.admin.cookie).post('/api/api-tokens', { name: 'b', role: 'viewer' }).expect(201))
      .body.id;
  });
  afterAll(() => h.close());

  it('lists only this workspace’s entries, newest first, with actor, target and address', async () => {
    const { items, nextCursor } = (await audit()).body;
    expect(items.map((e: { action: string }) => e.action)).toEqual(['member.added', 'token.created', 'token.created', 'token.created']);
    expect(nextCursor).toBeNull();
    expect(items[1]).toMatchObject({
      actor: { type: 'user', label: a.members.admin.email },
      target: { type: 'api_token', id: tokenIds[2], label: 'three' },
      after: { role: 'viewer', expiresInDays: null },
      ip: expect.stringMatching(/127\.0\.0\.1/),
    });
    expect(JSON.stringify(items)).not.toContain(foreignTokenId);
  });

  it('filters by action, actor, target and time', async () => {
    expect((await audit('?action=token.created')).body.items).toHaveLength(3);
    expect((await audit(`?actor=${encodeURIComponent(a.members.admin.email.slice(0, 10).toUpperCase())}`)).body.items).toHaveLength(4);
    // LIKE wildcards in the filter are taken literally.
    expect((await audit('?actor=%25')).body.items).toHaveLength(0);
    expect((await audit(`?targetId=${tokenIds[0]}`)).body.items.map((e: { target: { label: string } }) => e.target.label)).toEqual(['one']);
    expect((await audit(`?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).body.items).toHaveLength(0);
  });

  it('pages with a cursor, each entry once', async () => {
    const first = (await audit('?limit=3')).body;
    expect(first.items).toHaveLength(3);
    const second = (await audit(`?limit=3&cursor=${first.nextCursor}`)).body;
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('names every action it records, for the studio’s filter', async () => {
    const { items } = (await asSession(h.app, a.members.admin.cookie).get('/api/audit/actions').expect(200)).body;
    expect(items).toEqual([...AUDIT_ACTIONS]);
  });
});
