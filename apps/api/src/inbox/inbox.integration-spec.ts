import { createMember, type TestPrincipal } from '../auth/__fixtures__/principals';
import { type IntakeHarness, startIntake } from '../webhooks/__fixtures__/intake-harness';
import { echo, JOAO, MARIA, NOW_S, PRIYA, status, text, textByUserId } from '../webhooks/__fixtures__/webhooks';
import { openSse } from './__fixtures__/sse-client';

jest.setTimeout(60_000);

interface Summary {
  contactId: string;
  waId: string;
  unread: number;
  window: string;
  owner: string;
  tags: string[];
  assignedTo: { id: string; name: string } | null;
}

describe('inbox REST and live events', () => {
  let h: IntakeHarness;
  let workspaceId: string;
  let agent: TestPrincipal;
  let viewer: TestPrincipal;
  let maria: string;
  let priya: string;

  beforeAll(async () => {
    h = await startIntake('inbox_rest');
    await h.seedNumber();
    [{ workspace_id: workspaceId }] = await h.ds.query('SELECT workspace_id FROM business_numbers');
    agent = await createMember(h.ds, workspaceId, 'agent');
    viewer = await createMember(h.ds, workspaceId, 'viewer');
    const recent = Math.floor(Date.now() / 1000) - 600;
    await h.deliver(text(MARIA, 'wamid.m-1', recent, 'Hi, is the store open?'));
    await h.deliver(echo(MARIA, 'wamid.m-2', recent + 60, 'text', { text: { body: 'Yes until 8pm' } }));
    await h.deliver(text(PRIYA, 'wamid.p-1', NOW_S, 'Old message'));
    [{ id: maria }] = await h.ds.query('SELECT id FROM contacts WHERE wa_id = $1', [MARIA.waId]);
    [{ id: priya }] = await h.ds.query('SELECT id FROM contacts WHERE wa_id = $1', [PRIYA.waId]);
    await h.ds.query(
      `INSERT INTO messages (workspace_id, number_id, contact_id, wamid, direction, source, type, payload, meta_timestamp, status)
       SELECT workspace_id, number_id, id, 'wamid.m-3', 'api', 'live', 'text', '{"type":"text","text":{"body":"Thanks!"}}', now(), 'accepted'
       FROM contacts WHERE id = $1`,
      [maria],
    );
    await h.deliver(
      status('wamid.m-3', 'failed', Math.floor(Date.now() / 1000), { errors: [{ code: 131026, title: 'Message undeliverable' }] }),
    );
  });
  afterAll(() => h.close());

  const as = (who: TestPrincipal) => ({
    get: (path: string) => h.http().get(path).set('Cookie', who.cookie),
    put: (path: string, body: object) => h.http().put(path).set('Cookie', who.cookie).send(body),
    post: (path: string, body: object) => h.http().post(path).set('Cookie', who.cookie).send(body),
  });
  const list = async (who: TestPrincipal, query = ''): Promise<Summary[]> => {
    const res = await as(who).get(`/api/inbox/conversations${query}`);
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const waIds = (items: Summary[]) => items.map((c) => c.waId).sort();

  it.each([
    ['no filter', '', [MARIA.waId, PRIYA.waId]],
    ['a closed window', '?window=closed', [PRIYA.waId]],
    ['a window open for more than an hour', '?window=open', [MARIA.waId]],
    ['a window closing within the hour', '?window=closing', []],
    // Maria's teammate answered from the phone app (the echo): the conversation is theirs.
    ['owned by the bot', '?owner=bot', [PRIYA.waId]],
    ['owned by a human', '?owner=human', [MARIA.waId]],
    ['closed', '?owner=closed', []],
    ['unread', '?unread=true', [MARIA.waId, PRIYA.waId]],
    ['message text', '?search=store', [MARIA.waId]],
    ['a phone fragment', '?search=44770', [PRIYA.waId]],
    ['unassigned', '?assigned=unassigned', [MARIA.waId, PRIYA.waId]],
  ])('lists conversations filtered by %s', async (_name, query, expected) => {
    expect(waIds(await list(agent, query))).toEqual([...expected].sort());
  });

  it('refuses a bad filter with a clear 400', async () => {
    const res = await as(agent).get('/api/inbox/conversations?window=ajar');
    expect(res.status).toBe(400);
  });

  it('opens a thread: every message with its origin, ticks, Meta error text and the window', async () => {
    const res = await as(agent).get(`/api/inbox/conversations/${maria}`);
    expect(res.status).toBe(200);
    expect(res.body.conversation).toMatchObject({ name: MARIA.name, window: 'open', owner: 'human', unread: 1 });
    expect(res.body.messages.map((m: { wamid: string; origin: string; text: string }) => [m.wamid, m.origin, m.text])).toEqual([
      ['wamid.m-1', 'customer', 'Hi, is the store open?'],
      ['wamid.m-2', 'phone_app', 'Yes until 8pm'],
      ['wamid.m-3', 'api', 'Thanks!'],
    ]);
    expect(res.body.messages[2]).toMatchObject({ status: 'failed', error: { code: 131026, title: 'Message undeliverable' } });
  });

  it('assigns to a member who may answer, never to a viewer, and audits it', async () => {
    expect((await as(agent).put(`/api/inbox/conversations/${maria}/assignee`, { userId: viewer.userId })).status).toBe(400);
    expect((await as(agent).put(`/api/inbox/conversations/${maria}/assignee`, { userId: agent.userId })).status).toBe(204);
    expect(waIds(await list(agent, '?assigned=mine'))).toEqual([MARIA.waId]);
    const [entry] = await h.ds.query(`SELECT actor_id, after FROM audit_log WHERE action = 'conversation.assigned'`);
    expect(entry).toEqual({ actor_id: agent.userId, after: { assignedUserId: agent.userId } });
    const assignees = await as(agent).get('/api/inbox/assignees');
    expect(assignees.body.items.map((m: { id: string }) => m.id)).toContain(agent.userId);
    expect(assignees.body.items.map((m: { id: string }) => m.id)).not.toContain(viewer.userId);
  });

  it('tags, notes and read markers per member', async () => {
    const tagged = await as(agent).put(`/api/inbox/conversations/${maria}/tags`, { tags: ['vip', 'vip', 'shoes'] });
    expect(tagged.body).toEqual({ tags: ['vip', 'shoes'] });
    expect(waIds(await list(agent, '?tag=vip'))).toEqual([MARIA.waId]);

    const note = await as(agent).post(`/api/inbox/conversations/${maria}/notes`, { body: 'Wants the blue ones' });
    expect(note.status).toBe(201);
    const thread = await as(agent).get(`/api/inbox/conversations/${maria}`);
    expect(thread.body.notes).toMatchObject([{ body: 'Wants the blue ones', author: agent.email }]);

    expect((await as(agent).put(`/api/inbox/conversations/${maria}/read`, { read: true })).status).toBe(204);
    expect(waIds(await list(agent, '?unread=true'))).toEqual([PRIYA.waId]);
    // Read markers are the member's own: the viewer still has both unread.
    expect(waIds(await list(viewer, '?unread=true'))).toEqual([MARIA.waId, PRIYA.waId]);
    await as(agent).put(`/api/inbox/conversations/${maria}/read`, { read: false });
    expect(waIds(await list(agent, '?unread=true'))).toEqual([MARIA.waId, PRIYA.waId]);
  });

  it('lets a viewer read but not act, and hides other workspaces', async () => {
    expect((await as(viewer).get(`/api/inbox/conversations/${priya}`)).status).toBe(200);
    expect((await as(viewer).post(`/api/inbox/conversations/${priya}/replies`, { text: 'hi' })).status).toBe(403);
    expect((await as(viewer).put(`/api/inbox/conversations/${priya}/tags`, { tags: [] })).status).toBe(403);
    const [other] = await h.ds.query(`INSERT INTO workspaces (name) VALUES ('Other') RETURNING id`);
    const outsider = await createMember(h.ds, other.id, 'admin');
    const foreign = as(outsider);
    expect((await foreign.get(`/api/inbox/conversations/${maria}`).set('X-Tandem-Workspace', other.id)).status).toBe(404);
    expect((await foreign.put(`/api/inbox/conversations/${maria}/tags`, { tags: ['x'] }).set('X-Tandem-Workspace', other.id)).status).toBe(
      404,
    );
    expect(
      (await foreign.post(`/api/inbox/conversations/${maria}/replies`, { text: 'x' }).set('X-Tandem-Workspace', other.id)).status,
    ).toBe(404);
    const [{ tags }] = await h.ds.query('SELECT tags FROM contacts WHERE id = $1', [maria]);
    expect(tags).toEqual(['vip', 'shoes']);
  });

  it.each([
    ['an empty reply', {}],
    ['blank text', { text: '   ' }],
    ['text and a template at once', { text: 'hi', template: { name: 'x', language: 'en' } }],
    ['a template without a name', { template: { language: 'en_US' } }],
  ])('refuses %s with a 400 and stores nothing', async (_name, body) => {
    const res = await as(agent).post(`/api/inbox/conversations/${maria}/replies`, body);
    expect(res.status).toBe(400);
    const [{ n }] = await h.ds.query('SELECT count(*)::int AS n FROM inbox_replies');
    expect(n).toBe(0);
  });

  it("streams the workspace's new messages, statuses and inbox changes as server-sent events", async () => {
    const stream = await openSse(h.app, '/api/inbox/events', { Cookie: agent.cookie });
    try {
      expect(stream.status).toBe(200);
      await stream.next((e) => e.event === 'ready');
      await h.deliver(text(MARIA, 'wamid.m-4', Math.floor(Date.now() / 1000), 'Are you there?'));
      const message = await stream.next((e) => e.event === 'message');
      expect(JSON.parse(message.data)).toMatchObject({ kind: 'message', contactId: maria });

      await h.ds.query(
        `INSERT INTO messages (workspace_id, number_id, contact_id, wamid, direction, source, type, payload, meta_timestamp, status)
         SELECT workspace_id, number_id, id, 'wamid.m-5', 'api', 'live', 'text', '{"type":"text","text":{"body":"Yes!"}}', now(), 'accepted'
         FROM contacts WHERE id = $1`,
        [maria],
      );
      await h.deliver(status('wamid.m-5', 'delivered', Math.floor(Date.now() / 1000)));
      await stream.next((e) => e.event === 'status' && JSON.parse(e.data).contactId === maria);

      await as(agent).post(`/api/inbox/conversations/${priya}/notes`, { body: 'Call back tomorrow' });
      await stream.next((e) => e.event === 'conversation' && JSON.parse(e.data).contactId === priya);
    } finally {
      stream.close();
    }
  });

  it('refuses the event stream without a session', async () => {
    const stream = await openSse(h.app, '/api/inbox/events', {});
    stream.close();
    expect(stream.status).toBe(401);
  });

  it('keeps notes, assignment and read markers when two contacts turn out to be one person', async () => {
    await h.deliver(textByUserId(JOAO.userId, 'João', 'wamid.j-bsuid', NOW_S, 'Oi'));
    await h.deliver(text({ waId: JOAO.waId, name: JOAO.name }, 'wamid.j-phone', NOW_S + 5, 'Sou eu'));
    const [bsuid] = await h.ds.query('SELECT id FROM contacts WHERE user_id = $1', [JOAO.userId]);
    await as(agent).post(`/api/inbox/conversations/${bsuid.id}/notes`, { body: 'Asked about returns' });
    await as(agent).put(`/api/inbox/conversations/${bsuid.id}/assignee`, { userId: agent.userId });
    await as(agent).put(`/api/inbox/conversations/${bsuid.id}/read`, { read: true });

    await h.deliver(text(JOAO, 'wamid.j-both', NOW_S + 10, 'Ambos'));

    const [merged] = await h.ds.query('SELECT id, assigned_user_id FROM contacts WHERE wa_id = $1 AND user_id = $2', [
      JOAO.waId,
      JOAO.userId,
    ]);
    expect(merged.assigned_user_id).toBe(agent.userId);
    const thread = await as(agent).get(`/api/inbox/conversations/${merged.id}`);
    expect(thread.body.notes).toMatchObject([{ body: 'Asked about returns' }]);
    const [marker] = await h.ds.query('SELECT count(*)::int AS n FROM conversation_reads WHERE contact_id = $1 AND user_id = $2', [
      merged.id,
      agent.userId,
    ]);
    expect(marker.n).toBe(1);
  });

  it('shows edits and deletions on the message they change, not as messages of their own', async () => {
    await h.deliver(echo(PRIYA, 'wamid.p-2', NOW_S + 100, 'text', { text: { body: 'See you at 5' } }));
    await h.deliver(
      echo(PRIYA, 'wamid.p-2-edit', NOW_S + 120, 'edit', {
        edit: { original_message_id: 'wamid.p-2', message: { type: 'text', text: { body: 'See you at 6' } } },
      }),
    );
    await h.deliver(echo(PRIYA, 'wamid.p-3', NOW_S + 130, 'text', { text: { body: 'Wrong chat' } }));
    await h.deliver(echo(PRIYA, 'wamid.p-3-revoke', NOW_S + 140, 'revoke', { revoke: { original_message_id: 'wamid.p-3' } }));

    const res = await as(agent).get(`/api/inbox/conversations/${priya}`);
    const byWamid = Object.fromEntries(res.body.messages.map((m: { wamid: string }) => [m.wamid, m]));
    expect(Object.keys(byWamid)).toEqual(['wamid.p-1', 'wamid.p-2', 'wamid.p-3']);
    expect(byWamid['wamid.p-2']).toMatchObject({ origin: 'phone_app', text: 'See you at 5', editedText: 'See you at 6' });
    expect(byWamid['wamid.p-2'].editedAt).not.toBeNull();
    expect(byWamid['wamid.p-3'].revokedAt).not.toBeNull();
  });
});
