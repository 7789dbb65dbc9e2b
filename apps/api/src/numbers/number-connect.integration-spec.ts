import { APP_ID, type ConnectBed, eventually, startConnectBed } from './__fixtures__/connect-bed';

jest.setTimeout(60_000);

const APP_DISPLAY = '15557010000';

interface NumberBody {
  id: string;
  mode: string;
  name: string | null;
  throughputCap: number;
  syncRequest: { state: string; deadline: string | null; historyRequestedAt: string | null; contactsRequestedAt: string | null };
  historySync: { status: string; phase?: number; progress?: number; chunks?: string[] };
  metaToken: { stored: boolean };
  connection: { state: string; reason: string | null };
}

describe('connecting a number through Embedded Signup', () => {
  let bed: ConnectBed;

  beforeAll(async () => {
    bed = await startConnectBed('api_number_connect');
    // The caller's workspace (the harness admin acts in the oldest one).
    await bed.h.insert('workspaces', { name: 'Acme' });
    // The business's phone app: chats across the three history phases and an address book.
    const created = await bed.control('/_sim/meta/numbers', {
      phoneNumberId: '104500000000001',
      wabaId: '104500000000000',
      displayPhoneNumber: APP_DISPLAY,
      history: [
        { waId: '34600111222', messages: [{ direction: 'inbound', text: 'Open on Sundays?', daysBeforeOnboarding: 0.5 }] },
        { waId: '447700900123', messages: [{ direction: 'outbound', text: 'Order shipped', daysBeforeOnboarding: 40 }] },
        { waId: '5511988887777', messages: [{ direction: 'inbound', text: 'Ship to Brazil?', daysBeforeOnboarding: 120 }] },
      ],
      addressBook: [{ phoneNumber: '34600111222', fullName: 'Maria Lopez', firstName: 'Maria' }],
    });
    expect(created.status).toBe(201);
  });
  afterAll(() => bed.close());

  const numberRows = async () => Number((await bed.h.ds.query('SELECT count(*)::int AS n FROM business_numbers'))[0].n);
  const getNumber = async (id: string) => (await bed.h.get(`/api/numbers/${id}`).expect(200)).body as NumberBody;

  it('exchanges the code, stores the token sealed, subscribes, requests the syncs and imports contacts and history', async () => {
    const session = await bed.signUp(APP_DISPLAY);
    const response = await bed.h.post('/api/numbers/connect', { ...session, name: 'Bakery' }).expect(201);
    const body = response.body as NumberBody;
    expect(body).toMatchObject({ mode: 'coexistence', name: 'Bakery', metaToken: { stored: true }, connection: { state: 'connected' } });
    expect(body.syncRequest.state).toBe('requested');
    expect(Date.parse(body.syncRequest.deadline ?? '') - Date.now()).toBeGreaterThan(23 * 3600_000);

    const simNumber = bed.sim.state.numbers.get(session.phoneNumberId);
    expect(simNumber?.historySyncRequestedAt).toBeDefined();
    expect(simNumber?.contactSyncRequestedAt).toBeDefined();
    expect([...(bed.sim.state.subscribedApps.get(session.wabaId) ?? [])]).toEqual([APP_ID]);

    const [token] = [...bed.sim.state.businessTokens.keys()];
    const [secret] = await bed.h.ds.query(`SELECT name, ciphertext FROM secrets WHERE name = $1`, [`meta.waba-${session.wabaId}`]);
    expect(Buffer.from(secret.ciphertext).includes(Buffer.from(token))).toBe(false);
    expect(JSON.stringify(response.body)).not.toContain(token);

    const synced = await eventually(
      () => getNumber(body.id),
      // Every phase in: chunks may come out of order, so "complete" alone can precede an earlier chunk.
      (n) => n.historySync.status === 'complete' && new Set(n.historySync.chunks?.map((c) => c.split(':')[0])).size === 3,
    );
    expect(synced.historySync).toMatchObject({ phase: 2, progress: 100 });
    expect(synced.historySync.chunks?.map((c) => c.split(':')[0]).sort()).toEqual(['0', '1', '2']);
    const contacts: { wa_id: string }[] = await bed.h.ds.query('SELECT wa_id FROM contacts WHERE number_id = $1', [body.id]);
    expect(contacts.map((c) => c.wa_id).sort()).toEqual(['34600111222', '447700900123', '5511988887777']);
  });

  it('uses the WABA’s own token for Graph calls (the fallback token is refused by Meta here)', async () => {
    const [number] = await bed.h.ds.query(`SELECT id FROM business_numbers WHERE display_phone_number = $1`, [APP_DISPLAY]);
    await bed.h.post(`/api/templates/sync?numberId=${number.id}`).expect(200);
  });

  it('refuses a code Meta does not accept and writes nothing', async () => {
    const session = await bed.signUp('15550004444');
    const before = await numberRows();
    const refused = await bed.h.post('/api/numbers/connect', { ...session, code: `${session.code}-forged` });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/signup code .*36007/);
    expect(await numberRows()).toBe(before);
    const [{ n }] = await bed.h.ds.query(`SELECT count(*)::int AS n FROM secrets WHERE name = $1`, [`meta.waba-${session.wabaId}`]);
    expect(n).toBe(0);
  });

  it('refuses a WABA already connected to another workspace, before using the code', async () => {
    const session = await bed.signUp('15550005555');
    const other = await bed.h.insert('workspaces', { name: 'Other' });
    await bed.h.insert('business_numbers', {
      workspace_id: other.id,
      phone_number_id: '777000111',
      waba_id: session.wabaId,
      display_phone_number: '15550005556',
      mode: 'coexistence',
      throughput_cap: 20,
    });
    const refused = await bed.h.post('/api/numbers/connect', session);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/already connected to another Tandem workspace/);
    expect(bed.sim.state.signupCodes.get(session.code)?.used).toBe(false);
  });

  it('shows the deadline and refuses a sync request after it', async () => {
    const [number] = await bed.h.ds.query(`SELECT id FROM business_numbers WHERE display_phone_number = $1`, [APP_DISPLAY]);
    await bed.h.ds.query(
      `UPDATE business_numbers SET onboarded_at = now() - interval '25 hours', sync_requested_at = NULL, contact_sync_requested_at = NULL WHERE id = $1`,
      [number.id],
    );
    expect((await getNumber(number.id)).syncRequest.state).toBe('window_closed');
    const refused = await bed.h.post(`/api/numbers/${number.id}/sync`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/sync window closed at .* \(24 hours after onboarding\)/);
  });

  it('edits settings, offboards and re-connects keeping the row, its contacts and history', async () => {
    const [number] = await bed.h.ds.query(`SELECT id FROM business_numbers WHERE display_phone_number = $1`, [APP_DISPLAY]);
    const edited = await bed.h.patch(`/api/numbers/${number.id}`, { name: 'Bakery Centre', throughputCap: 5 }).expect(200);
    expect(edited.body).toMatchObject({ name: 'Bakery Centre', throughputCap: 5 });

    const offboarded = (await bed.h.post(`/api/numbers/${number.id}/offboard`).expect(200)).body as NumberBody;
    expect(offboarded).toMatchObject({
      connection: { state: 'disconnected', reason: 'OFFBOARDED_IN_TANDEM' },
      metaToken: { stored: false },
    });
    expect(bed.sim.state.subscribedApps.get('104500000000000')?.size ?? 0).toBe(0);

    const session = await bed.signUp(APP_DISPLAY, false);
    const again = (await bed.h.post('/api/numbers/connect', session).expect(201)).body as NumberBody;
    expect(again).toMatchObject({ id: number.id, name: 'Bakery Centre', throughputCap: 5, connection: { state: 'connected' } });
    expect(again.metaToken.stored).toBe(true);
    expect(again.syncRequest.state).toBe('requested');
    const contacts = async () =>
      ((await bed.h.ds.query('SELECT count(*)::int AS n FROM contacts WHERE number_id = $1', [number.id])) as { n: number }[])[0].n;
    await eventually(contacts, (n) => n >= 3);
    expect(await contacts()).toBe(3);
  });

  it('tells the studio which dialog to open: the simulator’s at the Graph base URL by default', async () => {
    const config = await bed.h.get('/api/numbers/signup-config').expect(200);
    expect(config.body).toEqual({ appId: APP_ID, configId: null, dialogUrl: `${bed.sim.url}/v23.0/dialog/oauth`, graphVersion: 'v23.0' });
  });

  it('answers clear 4xx for malformed bodies', async () => {
    expect((await bed.h.post('/api/numbers/connect', { code: 'x', wabaId: 'abc', phoneNumberId: '1' })).status).toBe(400);
    expect((await bed.h.patch('/api/numbers/00000000-0000-4000-8000-000000000000', {})).status).toBe(400);
  });
});
