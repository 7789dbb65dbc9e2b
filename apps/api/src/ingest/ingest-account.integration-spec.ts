import type { EngineEvent } from '@tandem/db';
import { type IntakeHarness, startIntake, until } from '../webhooks/__fixtures__/intake-harness';
import {
  accountUpdate,
  contactSync,
  historyChunk,
  historyDeclined,
  historyMedia,
  LUCIA,
  MARIA,
  NOW_S,
  ONBOARDED_AT_S,
  PRIYA,
  templateStatus,
  text,
} from '../webhooks/__fixtures__/webhooks';

describe('ingest: account lifecycle, templates, contact sync, history', () => {
  let h: IntakeHarness;
  let numberId: string;

  beforeAll(async () => {
    h = await startIntake('intake_account');
    numberId = await h.seedNumber();
  });
  afterAll(() => h.close());

  const number = async () => (await h.ds.query('SELECT * FROM business_numbers WHERE id = $1', [numberId]))[0];
  const kinds = <K extends EngineEvent['kind']>(kind: K) => h.events.filter((e): e is Extract<EngineEvent, { kind: K }> => e.kind === kind);

  describe('account_update', () => {
    it('disconnects on PARTNER_REMOVED with Meta’s reason and tells the engine', async () => {
      await h.deliver(accountUpdate('PARTNER_REMOVED', NOW_S + 7200, { reason: 'PRIMARY_INACTIVITY', initiated_by: 'SYSTEM' }));
      expect(await number()).toMatchObject({
        connection_state: 'disconnected',
        connection_reason: 'PRIMARY_INACTIVITY',
        connection_initiated_by: 'SYSTEM',
      });
      const event = await until(() => kinds('number.disconnected')[0]);
      expect(event).toMatchObject({
        contactKey: `number:${numberId}`,
        payload: { state: 'disconnected', reason: 'PRIMARY_INACTIVITY', event: 'PARTNER_REMOVED' },
      });
    });

    it('ignores a stale event older than the last applied one', async () => {
      const { deliveryId } = await h.deliver(accountUpdate('ACCOUNT_RECONNECTED', NOW_S + 3600));
      expect((await number()).connection_state).toBe('disconnected');
      const [delivery] = await h.ds.query('SELECT notes FROM webhook_deliveries WHERE id = $1', [deliveryId]);
      expect(delivery.notes[0].reason).toContain('stale');
    });

    it('reconnects on ACCOUNT_RECONNECTED, and marks ACCOUNT_OFFBOARDED as offboarded', async () => {
      await h.deliver(accountUpdate('ACCOUNT_RECONNECTED', NOW_S + 9000));
      expect(await number()).toMatchObject({ connection_state: 'connected', connection_reason: null });
      await until(() => kinds('number.reconnected')[0]);
      await h.deliver(accountUpdate('ACCOUNT_OFFBOARDED', NOW_S + 9500));
      expect(await number()).toMatchObject({ connection_state: 'offboarded', connection_reason: 'ACCOUNT_OFFBOARDED' });
      await h.deliver(accountUpdate('ACCOUNT_RECONNECTED', NOW_S + 9600));
      expect((await number()).connection_state).toBe('connected');
    });

    it('notes lifecycle events that change nothing', async () => {
      const { deliveryId } = await h.deliver(accountUpdate('VOLUME_BASED_PRICING_TIER_UPDATE', NOW_S + 9700));
      const [delivery] = await h.ds.query('SELECT notes FROM webhook_deliveries WHERE id = $1', [deliveryId]);
      expect(delivery.notes[0].reason).toContain('no state change');
      expect((await number()).connection_state).toBe('connected');
    });
  });

  describe('message_template_status_update', () => {
    const template = async () => (await h.ds.query(`SELECT * FROM templates WHERE name = 'summer_sale_2026'`))[0];

    it('upserts the template status and keeps the newest', async () => {
      await h.deliver(templateStatus('APPROVED', 'summer_sale_2026', 'es', NOW_S, { message_template_category: 'MARKETING' }));
      expect(await template()).toMatchObject({
        status: 'APPROVED',
        category: 'MARKETING',
        language: 'es',
        template_id: '1702873366051204',
      });
      await h.deliver(
        templateStatus('PAUSED', 'summer_sale_2026', 'es', NOW_S + 3600, {
          other_info: { title: 'FIRST_PAUSE', description: 'paused for 3 hours' },
        }),
      );
      expect(await template()).toMatchObject({
        status: 'PAUSED',
        category: 'MARKETING',
        status_info: { otherInfo: { title: 'FIRST_PAUSE' } },
      });
      await h.deliver(templateStatus('APPROVED', 'summer_sale_2026', 'es', NOW_S + 60));
      expect((await template()).status).toBe('PAUSED');
      const events = await until(() => (kinds('template.status').length === 2 ? kinds('template.status') : undefined));
      expect(events.map((e) => e.payload.status)).toEqual(['APPROVED', 'PAUSED']);
    });
  });

  describe('smb_app_state_sync', () => {
    it('upserts the address-book name and never deletes on remove', async () => {
      await h.deliver(text(MARIA, 'wamid.maria-1', NOW_S, 'hi'));
      await h.deliver(contactSync(MARIA.waId, 'add', NOW_S + 100, 'Maria Lopez (VIP)'));
      const added = (await h.ds.query('SELECT * FROM contacts WHERE wa_id = $1', [MARIA.waId]))[0];
      expect(added).toMatchObject({ address_book_name: 'Maria Lopez (VIP)', in_address_book: true, profile_name: 'Maria Lopez' });
      await h.deliver(contactSync(MARIA.waId, 'remove', NOW_S + 200));
      const removed = (await h.ds.query('SELECT * FROM contacts WHERE wa_id = $1', [MARIA.waId]))[0];
      expect(removed).toMatchObject({ id: added.id, in_address_book: false, address_book_name: 'Maria Lopez (VIP)' });
      expect(await h.ds.query(`SELECT wamid FROM messages WHERE contact_id = $1`, [added.id])).toHaveLength(1);
      const synced = new Date((NOW_S + 200) * 1000).toISOString();
      // Number activity is written in batches, within about a second.
      await until(async () => ((await number()).contact_sync_at?.toISOString() === synced ? true : undefined));
      await until(() => (kinds('contact.synced').length === 2 ? true : undefined));
    });

    it('creates a contact known only from the address book', async () => {
      await h.deliver(contactSync(PRIYA.waId, 'add', NOW_S + 300, 'Priya S.'));
      expect((await h.ds.query('SELECT address_book_name FROM contacts WHERE wa_id = $1', [PRIYA.waId]))[0].address_book_name).toBe(
        'Priya S.',
      );
    });
  });

  describe('history', () => {
    const placeholder = 'wamid.hist-placeholder';

    it('stores a chunk as history, keeps media placeholders and records progress', async () => {
      await h.deliver(
        historyChunk(1, 2, 40, [
          {
            person: LUCIA,
            items: [
              { wamid: 'wamid.hist-1', ts: ONBOARDED_AT_S - 86400 * 10, fromBusiness: false, body: 'Hola' },
              { wamid: 'wamid.hist-2', ts: ONBOARDED_AT_S - 86400 * 10 + 60, fromBusiness: true, body: 'Buenos días', status: 'DELIVERED' },
              { wamid: placeholder, ts: ONBOARDED_AT_S - 86400 * 3, fromBusiness: true, type: 'media_placeholder' },
            ],
          },
        ]),
      );
      const rows = await h.ds.query(
        `SELECT wamid, source, direction, status, media_placeholder FROM messages WHERE wamid LIKE 'wamid.hist-%' ORDER BY meta_timestamp`,
      );
      expect(rows).toEqual([
        { wamid: 'wamid.hist-1', source: 'history', direction: 'inbound', status: null, media_placeholder: false },
        { wamid: 'wamid.hist-2', source: 'history', direction: 'app_echo', status: 'delivered', media_placeholder: false },
        { wamid: placeholder, source: 'history', direction: 'app_echo', status: 'read', media_placeholder: true },
      ]);
      expect((await number()).history_sync).toMatchObject({
        status: 'in_progress',
        phase: 1,
        progress: 40,
        chunks: ['1:2'],
        messageCount: 3,
      });
      const contact = (await h.ds.query('SELECT window_open_until, last_inbound_at FROM contacts WHERE wa_id = $1', [LUCIA.waId]))[0];
      expect(contact).toEqual({ window_open_until: null, last_inbound_at: null });
      const event = await until(() => kinds('history.synced')[0]);
      expect(event.payload).toMatchObject({ status: 'in_progress', phase: 1, chunkOrder: 2, progress: 40, messageCount: 3 });
    });

    it('attaches the follow-up media to its placeholder', async () => {
      await h.deliver(historyMedia(LUCIA, placeholder, ONBOARDED_AT_S - 86400 * 3));
      const [row] = await h.ds.query('SELECT type, media_placeholder, payload FROM messages WHERE wamid = $1', [placeholder]);
      expect(row).toMatchObject({
        type: 'image',
        media_placeholder: false,
        payload: { media: { id: '2710959377885731', caption: 'Sunday opening hours' } },
      });
    });

    it('completes with progress 100 even when an earlier chunk arrives last', async () => {
      await h.deliver(
        historyChunk(2, 5, 100, [
          { person: LUCIA, items: [{ wamid: 'wamid.hist-old', ts: ONBOARDED_AT_S - 86400 * 120, fromBusiness: false }] },
        ]),
      );
      await h.deliver(
        historyChunk(0, 1, 10, [{ person: LUCIA, items: [{ wamid: 'wamid.hist-new', ts: ONBOARDED_AT_S - 3600, fromBusiness: false }] }]),
      );
      expect((await number()).history_sync).toMatchObject({ status: 'complete', phase: 2, progress: 100, chunks: ['1:2', '2:5', '0:1'] });
    });

    it('records a declined history sync', async () => {
      await h.deliver(historyDeclined());
      expect((await number()).history_sync).toMatchObject({ status: 'declined', errorCodes: [2593109] });
      await until(() => kinds('history.synced').find((e) => e.payload.status === 'declined'));
    });
  });
});
