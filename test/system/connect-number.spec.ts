// Connecting a WhatsApp Business app number through the wizard's API against a whole running
// Tandem (built processes, NODE_ENV=production): the simulator plays Meta's Embedded Signup,
// the api exchanges the code, stores the token, subscribes, requests the contacts and history
// sync at once, and imports what Meta sends in three phases — with the deadline shown until
// the request and refused after it.
import { startTandemStack, type TandemStack } from './tandem-stack';

jest.setTimeout(240_000);

const APP = { display: '15557040000', phoneNumberId: '107700000000001', wabaId: '107700000000000' };
const CUSTOMERS = ['447700900201', '447700900202', '447700900203'];

interface NumberBody {
  id: string;
  mode: string;
  syncRequest: { state: string; deadline: string | null; contactsRequestedAt: string | null; historyRequestedAt: string | null };
  historySync: { status: string; phase?: number; progress?: number; chunks?: string[]; messageCount?: number };
  metaToken: { stored: boolean };
}

let stack: TandemStack;

beforeAll(async () => {
  stack = await startTandemStack('connect_number');
  const staged = await stack.sim('/_sim/meta/numbers', {
    body: {
      ...{ phoneNumberId: APP.phoneNumberId, wabaId: APP.wabaId, displayPhoneNumber: APP.display },
      history: [
        { waId: CUSTOMERS[0], messages: [{ direction: 'inbound', text: 'Still open?', daysBeforeOnboarding: 0.2 }] },
        { waId: CUSTOMERS[1], messages: [{ direction: 'outbound', text: 'Your order is ready', daysBeforeOnboarding: 45 }] },
        { waId: CUSTOMERS[2], messages: [{ direction: 'inbound', text: 'Any gift cards?', daysBeforeOnboarding: 150 }] },
      ],
      addressBook: [{ phoneNumber: CUSTOMERS[0], fullName: 'Grace Hopper', firstName: 'Grace' }],
    },
  });
  expect(staged.status).toBe(201);
}, 120_000);
afterAll(() => stack?.stop());

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

it('connects, requests the sync at once, imports contacts and three phases of history, and refuses a late request', async () => {
  const session = await stack.sim<Record<string, string>>('/_sim/meta/embedded-signup', { body: { displayPhoneNumber: APP.display } });
  expect(session.status).toBe(200);
  const connect = await stack.api<NumberBody>('/api/numbers/connect', {
    body: { code: session.body.code, wabaId: session.body.waba_id, phoneNumberId: session.body.phone_number_id },
  });
  expect(connect.status).toBe(201);
  expect(connect.body).toMatchObject({ mode: 'coexistence', metaToken: { stored: true }, syncRequest: { state: 'requested' } });
  expect(Date.parse(connect.body.syncRequest.deadline ?? '') - Date.now()).toBeGreaterThan(23 * 3600_000);
  const id = connect.body.id;

  const done = await until(
    'the history import',
    async () => {
      const n = await stack.api<NumberBody>(`/api/numbers/${id}`);
      // "Complete" comes with the chunk at 100 %; earlier chunks may still be on their way.
      return n.body.historySync.status === 'complete' && (n.body.historySync.chunks?.length ?? 0) >= 3 ? n.body : undefined;
    },
    90_000,
  );
  expect(done.historySync).toMatchObject({ phase: 2, progress: 100 });
  // One chunk per phase here (phase:chunk_order), in whatever order Meta sent them.
  expect([...(done.historySync.chunks ?? [])].sort()).toEqual(['0:1', '1:1', '2:1']);
  const contacts = await until('the synced contacts', async () => {
    const res = await stack.api<{ items: { waId: string | null; addressBookName?: string | null }[] }>(`/api/contacts?numberId=${id}`);
    return res.body.items.length === CUSTOMERS.length ? res.body.items : undefined;
  });
  expect(contacts.map((c) => c.waId).sort()).toEqual(CUSTOMERS);

  // A day later the window is closed: the deadline shows as passed and a new request is refused.
  await stack.db.dataSource.query(
    `UPDATE business_numbers SET onboarded_at = now() - interval '25 hours', sync_requested_at = NULL, contact_sync_requested_at = NULL WHERE id = $1`,
    [id],
  );
  expect((await stack.api<NumberBody>(`/api/numbers/${id}`)).body.syncRequest.state).toBe('window_closed');
  const late = await stack.api<{ message: string }>(`/api/numbers/${id}/sync`, { method: 'POST' });
  expect(late.status).toBe(409);
  expect(late.body.message).toMatch(/sync window closed/);
});
