import { createTwoWorkspaces, type TestWorkspace } from '../auth/__fixtures__/two-workspaces';
import { type IntakeHarness, startIntake } from '../webhooks/__fixtures__/intake-harness';
import { JOAO, MARIA, PRIYA } from '../webhooks/__fixtures__/webhooks';
import { templateStatusOf, textTo } from '../webhooks/__fixtures__/workspace-webhooks';

const MISSING = '8d0e4c1e-0000-4000-8000-000000000000';

/** A body with `id` written as `<id>`: a foreign id must get the very answer a missing one gets. */
const withoutId = (body: unknown, id: string): unknown => JSON.parse(JSON.stringify(body).replaceAll(id, '<id>'));

describe('workspace isolation: webhook deliveries and dead letters', () => {
  let h: IntakeHarness;
  let a: TestWorkspace;
  let b: TestWorkspace;
  /** Deliveries by whom they concern. */
  const ids = { aText: '', aAccount: '', aDead: '', bText: '', unroutable: '' };

  beforeAll(async () => {
    h = await startIntake('isolation_deliveries');
    ({ a, b } = await createTwoWorkspaces(h.ds));
    const ts = Math.floor(Date.now() / 1000) - 60;
    ids.aText = (await h.deliver(textTo(a, MARIA, 'wamid.acme-1', ts, 'Hello Acme'))).deliveryId;
    ids.aAccount = (await h.deliver(templateStatusOf(a.wabaId, 'acme_promo', ts))).deliveryId;
    ids.aDead = (await h.deliver(textTo(a, JOAO, 'wamid.acme-2', ts, 'Olá'))).deliveryId;
    ids.bText = (await h.deliver(textTo(b, PRIYA, 'wamid.globex-1', ts, 'Hello Globex'))).deliveryId;
    const stranger = { phoneNumberId: '900000000000099', wabaId: '910000000000099' };
    ids.unroutable = (await h.deliver(textTo(stranger, MARIA, 'wamid.nobody-1', ts, 'Anyone?'))).deliveryId;
    // Dead-lettered as if every attempt had failed (how that happens is the ingest's own test).
    await h.ds.query(`UPDATE webhook_deliveries SET outcome = 'dead', attempts = 3, last_error = 'simulated' WHERE id = $1`, [ids.aDead]);
  });
  afterAll(() => h.close());

  const listed = async (auth: Record<string, string>, path: string): Promise<string[]> => {
    const res = await h.http().get(path).set(auth);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(res.body.items.length);
    return res.body.items.map((d: { id: string }) => d.id).sort();
  };
  const rows = () => h.ds.query('SELECT id, outcome, attempts, claimed_by, next_attempt_at FROM webhook_deliveries ORDER BY id');

  it('stores whom each delivery names', async () => {
    const stored = await h.ds.query('SELECT id, phone_number_ids, waba_ids FROM webhook_deliveries WHERE id = ANY($1)', [
      [ids.aText, ids.aAccount],
    ]);
    expect(stored).toEqual(
      expect.arrayContaining([
        { id: ids.aText, phone_number_ids: [a.phoneNumberId], waba_ids: [a.wabaId] },
        { id: ids.aAccount, phone_number_ids: [], waba_ids: [a.wabaId] },
      ]),
    );
  });

  it.each(['session', 'token'] as const)(
    "shows A's admin (%s) A's deliveries (by number or WABA) and dead letters, never B's or unroutable ones",
    async (kind) => {
      const auth: Record<string, string> = kind === 'session' ? { Cookie: a.members.admin.cookie } : { Authorization: a.adminToken };
      expect(await listed(auth, '/api/webhook-deliveries')).toEqual([ids.aText, ids.aAccount, ids.aDead].sort());
      expect(await listed(auth, '/api/webhook-deliveries?outcome=processed')).toEqual([ids.aText, ids.aAccount].sort());
      expect(await listed(auth, '/api/dead-letters')).toEqual([ids.aDead]);
      const one = await h.http().get(`/api/webhook-deliveries/${ids.aAccount}`).set(auth);
      expect(JSON.parse(one.body.body)).toMatchObject({ entry: [{ id: a.wabaId }] });
    },
  );

  describe.each(['session', 'token'] as const)("workspace B's admin (%s)", (kind) => {
    const auth = (): Record<string, string> => (kind === 'session' ? { Cookie: b.members.admin.cookie } : { Authorization: b.adminToken });

    it("lists B's deliveries only, and no dead letters", async () => {
      expect(await listed(auth(), '/api/webhook-deliveries')).toEqual([ids.bText]);
      expect(await listed(auth(), '/api/webhook-deliveries?outcome=dead')).toEqual([]);
      expect(await listed(auth(), '/api/dead-letters')).toEqual([]);
    });

    it.each([
      ["A's delivery", () => ids.aText],
      ["A's account-level delivery", () => ids.aAccount],
      ['an unroutable delivery', () => ids.unroutable],
    ])('reads %s: 404, the same answer as for a missing id', async (_what, id) => {
      const [foreign, missing] = [
        await h.http().get(`/api/webhook-deliveries/${id()}`).set(auth()),
        await h.http().get(`/api/webhook-deliveries/${MISSING}`).set(auth()),
      ];
      expect(foreign.status).toBe(404);
      expect(withoutId(foreign.body, id())).toEqual(withoutId(missing.body, MISSING));
    });

    it("retries A's dead letter: 404 like a missing one, nothing changed", async () => {
      const before = await rows();
      const [foreign, missing] = [
        await h.http().post(`/api/dead-letters/${ids.aDead}/retry`).set(auth()),
        await h.http().post(`/api/dead-letters/${MISSING}/retry`).set(auth()),
      ];
      expect(foreign.status).toBe(404);
      expect(withoutId(foreign.body, ids.aDead)).toEqual(withoutId(missing.body, MISSING));
      expect(await rows()).toEqual(before);
    });
  });

  it('lets nobody see an unroutable delivery', async () => {
    for (const auth of [{ Cookie: a.members.admin.cookie }, { Cookie: b.members.admin.cookie }, h.auth]) {
      expect(await listed(auth, '/api/webhook-deliveries')).not.toContain(ids.unroutable);
      expect((await h.http().get(`/api/webhook-deliveries/${ids.unroutable}`).set(auth)).status).toBe(404);
    }
  });

  it("lets A's admin retry A's dead letter", async () => {
    const res = await h.http().post(`/api/dead-letters/${ids.aDead}/retry`).set({ Cookie: a.members.admin.cookie });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ id: ids.aDead, outcome: 'pending' });
    expect(await h.waitForDelivery(ids.aDead, ['processed'])).toBe('processed');
  });
});
