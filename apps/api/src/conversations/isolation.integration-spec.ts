import { createTwoWorkspaces, type TestWorkspace } from '../auth/__fixtures__/two-workspaces';
import { type IntakeHarness, startIntake } from '../webhooks/__fixtures__/intake-harness';
import { MARIA, PRIYA } from '../webhooks/__fixtures__/webhooks';
import { textTo } from '../webhooks/__fixtures__/workspace-webhooks';

const MISSING = '0f1e7a52-0000-4000-8000-000000000000';

/** A body with `id` written as `<id>`: a foreign id must get the very answer a missing one gets. */
const withoutId = (body: unknown, id: string): unknown => JSON.parse(JSON.stringify(body).replaceAll(id, '<id>'));

describe('workspace isolation: contacts, messages, numbers, templates', () => {
  let h: IntakeHarness;
  let a: TestWorkspace;
  let b: TestWorkspace;
  let aContact: string;
  let bContact: string;

  beforeAll(async () => {
    h = await startIntake('isolation_conversations');
    ({ a, b } = await createTwoWorkspaces(h.ds));
    const ts = Math.floor(Date.now() / 1000) - 60;
    await h.deliver(textTo(a, MARIA, 'wamid.acme-1', ts, 'Hello Acme'));
    await h.deliver(textTo(b, PRIYA, 'wamid.globex-1', ts, 'Hello Globex'));
    const contactOf = async (ws: TestWorkspace) =>
      (await h.ds.query('SELECT id FROM contacts WHERE workspace_id = $1', [ws.id])).map((r: { id: string }) => r.id);
    [aContact] = await contactOf(a);
    [bContact] = await contactOf(b);
    await h.ds.query(
      `INSERT INTO templates (workspace_id, waba_id, name, language, status, category) VALUES ($1, $2, 'acme_promo', 'en_US', 'APPROVED', 'MARKETING')`,
      [a.id, a.wabaId],
    );
  });
  afterAll(() => h.close());

  // Number activity (last webhook, last inbound …) is written by the intake's writer about a
  // second after the webhooks of beforeAll, not by the calls under test: it is left out.
  const snapshot = () =>
    h.ds.query(`SELECT
      (SELECT json_agg(to_jsonb(n) - 'last_webhook_at' - 'last_inbound_at' - 'last_echo_at' ORDER BY n.id)
         FROM business_numbers n) AS numbers,
      (SELECT json_agg(t ORDER BY t.id) FROM templates t) AS templates,
      (SELECT json_agg(c ORDER BY c.id) FROM contacts c) AS contacts,
      (SELECT count(*)::int FROM audit_log WHERE workspace_id = '${a.id}') AS audit_of_a`);

  it("lets A's admin read A's contact, its messages, number and templates", async () => {
    const auth = { Cookie: a.members.admin.cookie };
    expect((await h.http().get(`/api/contacts/${aContact}`).set(auth)).body).toMatchObject({ workspaceId: a.id, waId: MARIA.waId });
    const messages = await h.http().get(`/api/contacts/${aContact}/messages`).set(auth);
    expect(messages.body.items.map((m: { wamid: string }) => m.wamid)).toEqual(['wamid.acme-1']);
    expect((await h.http().get(`/api/numbers/${a.numberId}`).set(auth)).body.workspaceId).toBe(a.id);
    const templates = await h.http().get(`/api/templates?numberId=${a.numberId}`).set(auth);
    expect(templates.body.items.map((t: { name: string }) => t.name)).toEqual(['acme_promo']);
  });

  it('follows the workspace a member of both picks (X-Tandem-Workspace)', async () => {
    const contactsIn = async (ws: TestWorkspace) =>
      (await h.http().get('/api/contacts').set(h.auth).set('X-Tandem-Workspace', ws.id)).body.items.map((c: { id: string }) => c.id);
    expect(await contactsIn(a)).toEqual([aContact]);
    expect(await contactsIn(b)).toEqual([bContact]);
    const aInB = await h.http().get(`/api/contacts/${aContact}`).set(h.auth).set('X-Tandem-Workspace', b.id);
    expect(aInB.status).toBe(404);
  });

  describe.each(['session', 'token'] as const)("workspace B's admin (%s)", (kind) => {
    const auth = (): Record<string, string> => (kind === 'session' ? { Cookie: b.members.admin.cookie } : { Authorization: b.adminToken });
    const get = (path: string) => h.http().get(path).set(auth());
    const post = (path: string, body: object = {}) => h.http().post(path).set(auth()).send(body);

    it.each([
      ['a contact', (id: string) => `/api/contacts/${id}`, () => aContact],
      ['a conversation', (id: string) => `/api/contacts/${id}/messages`, () => aContact],
      ['a number', (id: string) => `/api/numbers/${id}`, () => a.numberId],
      ["a number's templates", (id: string) => `/api/templates?numberId=${id}`, () => a.numberId],
    ])('reads %s of A: 404, the same answer as for a missing id', async (_what, path, foreignId) => {
      const [foreign, missing] = [await get(path(foreignId())), await get(path(MISSING))];
      expect(foreign.status).toBe(404);
      expect(withoutId(foreign.body, foreignId())).toEqual(withoutId(missing.body, MISSING));
    });

    it("lists B's contacts and numbers only, even when filtering by A's number", async () => {
      const contacts = await get('/api/contacts');
      expect(contacts.body.items.map((c: { id: string }) => c.id)).toEqual([bContact]);
      expect((await get(`/api/contacts?numberId=${a.numberId}`)).body).toMatchObject({ items: [], total: 0 });
      const numbers: { id: string; workspaceId: string }[] = (await get('/api/numbers')).body.items;
      expect(numbers.map((n) => n.id)).toContain(b.numberId);
      expect(numbers.every((n) => n.workspaceId === b.id)).toBe(true);
    });

    it("syncs A's templates: 404 like a missing number, nothing changed", async () => {
      const before = await snapshot();
      const [foreign, missing] = [
        await post(`/api/templates/sync?numberId=${a.numberId}`),
        await post(`/api/templates/sync?numberId=${MISSING}`),
      ];
      expect(foreign.status).toBe(404);
      expect(withoutId(foreign.body, a.numberId)).toEqual(withoutId(missing.body, MISSING));
      expect(await snapshot()).toEqual(before);
    });

    it("registers A's phone_number_id: 409 as for its own, naming no workspace, nothing changed", async () => {
      const before = await snapshot();
      const number = (phoneNumberId: string) => ({
        phoneNumberId,
        wabaId: '910000000000009',
        displayPhoneNumber: '+1 555 000 9999',
        mode: 'cloud',
      });
      const [foreign, own] = [await post('/api/numbers', number(a.phoneNumberId)), await post('/api/numbers', number(b.phoneNumberId))];
      expect(foreign.status).toBe(409);
      expect(withoutId(foreign.body, a.phoneNumberId)).toEqual(withoutId(own.body, b.phoneNumberId));
      expect(JSON.stringify(foreign.body)).not.toMatch(new RegExp(`${a.id}|Acme`));
      expect(await snapshot()).toEqual(before);
    });

    it('registers a number in B whatever workspaceId the body names, audited as number.added in B', async () => {
      const phoneNumberId = kind === 'session' ? '900000000000021' : '900000000000022';
      const res = await post('/api/numbers', {
        phoneNumberId,
        wabaId: b.wabaId,
        displayPhoneNumber: '+1 555 000 2222',
        mode: 'coexistence',
        throughputCap: 10,
        workspaceId: a.id,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ workspaceId: b.id, phoneNumberId });
      const entries = await h.ds.query(
        `SELECT workspace_id, actor_type, actor_label, target_type, target_label, before, after FROM audit_log WHERE action = 'number.added' AND target_id = $1`,
        [res.body.id],
      );
      expect(entries).toEqual([
        {
          workspace_id: b.id,
          actor_type: kind === 'session' ? 'user' : 'token',
          actor_label: kind === 'session' ? b.members.admin.email : expect.stringContaining('token'),
          target_type: 'number',
          target_label: '15550002222',
          before: null,
          after: { phoneNumberId, wabaId: b.wabaId, mode: 'coexistence', throughputCap: 10 },
        },
      ]);
      expect((await h.http().get('/api/audit?action=number.added').set({ Cookie: a.members.admin.cookie })).body.items).toEqual([]);
    });
  });
});
