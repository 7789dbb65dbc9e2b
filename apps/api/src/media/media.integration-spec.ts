// eslint-disable-next-line @nx/enforce-module-boundaries
import type { SimulatorHandle } from '../../../simulator/src';
import { type IntakeHarness, until } from '../webhooks/__fixtures__/intake-harness';
import { echo, envelope, historyChunk, inbound, MARIA, ONBOARDED_AT_S, PRIYA } from '../webhooks/__fixtures__/webhooks';
import { type MediaHarness, startMediaHarness } from './__fixtures__/media-harness';

jest.setTimeout(30_000);

const DAY_S = 24 * 3600;

describe('media: received media downloaded, served, not available, failed', () => {
  let bed: MediaHarness;
  let sim: SimulatorHandle;
  let h: IntakeHarness;

  beforeAll(async () => {
    bed = await startMediaHarness('api_media');
    ({ sim, h } = bed);
  });
  afterAll(() => bed.close());

  const mediaOf = async (wamid: string, states = ['stored', 'failed', 'not_available']) =>
    until(async () => {
      const [row] = await h.ds.query(
        `SELECT f.* FROM media_files f JOIN messages m ON m.id = f.message_id WHERE m.wamid = $1 AND f.state = ANY($2)`,
        [wamid, states],
      );
      return row as Record<string, unknown> | undefined;
    });
  const imageFromCustomer = (wamid: string, media: { id: string; sha256: string; mimeType: string }, ts = ONBOARDED_AT_S + 3600) =>
    inbound(MARIA, wamid, ts, 'image', { image: { id: media.id, sha256: media.sha256, mime_type: media.mimeType, caption: 'this one' } });

  it('downloads a received image at once and serves it with safe headers; the message lists it', async () => {
    const media = sim.state.addMedia('image');
    await h.deliver(imageFromCustomer('wamid.img-1', media));
    const row = await mediaOf('wamid.img-1');
    expect(row).toMatchObject({ state: 'stored', origin: 'received', kind: 'image', mime_type: 'image/png', attempts: 1 });

    const res = await h.http().get(`/api/media/${row.id}`).set(h.auth).buffer(true).expect(200);
    expect(Buffer.compare(res.body as Buffer, media.bytes)).toBe(0);
    expect(res.headers).toMatchObject({
      'content-type': 'image/png',
      'x-content-type-options': 'nosniff',
      'content-disposition': expect.stringMatching(/^inline; filename=/),
      'content-security-policy': expect.stringContaining('sandbox'),
    });

    const [contact] = await h.ds.query('SELECT id FROM contacts WHERE wa_id = $1', [MARIA.waId]);
    const messages = await h.http().get(`/api/contacts/${contact.id}/messages`).set(h.auth).expect(200);
    expect(messages.body.items.find((m: { wamid: string }) => m.wamid === 'wamid.img-1').media).toMatchObject({
      id: row.id,
      state: 'stored',
      kind: 'image',
      url: `/api/media/${row.id}`,
      size: media.bytes.length,
    });
  });

  it('downloads the media of an echo and serves a document as an attachment', async () => {
    const media = sim.state.addMedia('document', 'application/pdf');
    await h.deliver(
      echo(PRIYA, 'wamid.echo-doc', ONBOARDED_AT_S + 7200, 'document', {
        document: { id: media.id, sha256: media.sha256, mime_type: 'application/pdf', filename: 'price list.pdf' },
      }),
    );
    const row = await mediaOf('wamid.echo-doc');
    expect(row).toMatchObject({ state: 'stored', kind: 'document', filename: 'price list.pdf' });
    const res = await h.http().get(`/api/media/${row.id}`).set(h.auth).buffer(true).expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="price list.pdf"; filename*=UTF-8''price%20list.pdf`);
  });

  it('history: media older than 14 days stays not available and is never fetched; recent media arrives by follow-up', async () => {
    await h.deliver(
      historyChunk(0, 1, 50, [
        {
          person: PRIYA,
          items: [
            { wamid: 'wamid.hist-old', ts: ONBOARDED_AT_S - 30 * DAY_S, fromBusiness: false, type: 'media_placeholder' },
            { wamid: 'wamid.hist-new', ts: ONBOARDED_AT_S - 2 * DAY_S, fromBusiness: false, type: 'media_placeholder' },
          ],
        },
      ]),
    );
    const old = await mediaOf('wamid.hist-old');
    expect(old).toMatchObject({ state: 'not_available', failure_code: 'history_too_old', attempts: 0, meta_media_id: null });

    const media = sim.state.addMedia('image');
    const followUp = (wamid: string, ts: number) =>
      envelope('history', {
        messaging_product: 'whatsapp',
        metadata: { display_phone_number: '15557012244', phone_number_id: '108932450377265' },
        messages: [
          {
            from: PRIYA.waId,
            id: wamid,
            timestamp: String(ts),
            type: 'image',
            image: { id: media.id, sha256: media.sha256, mime_type: 'image/png' },
          },
        ],
      });
    await h.deliver(followUp('wamid.hist-new', ONBOARDED_AT_S - 2 * DAY_S));
    expect(await mediaOf('wamid.hist-new')).toMatchObject({ state: 'stored', kind: 'image' });

    // Even if Meta sent an id for the old one, it is never fetched.
    await h.deliver(followUp('wamid.hist-old', ONBOARDED_AT_S - 30 * DAY_S));
    expect(await mediaOf('wamid.hist-old')).toMatchObject({ state: 'not_available', attempts: 0 });
  });

  it('media that expired at Meta fails at once with the reason, without retries; serving it answers 410', async () => {
    const media = sim.state.addMedia('image');
    media.expired = true;
    await h.deliver(imageFromCustomer('wamid.img-expired', media));
    const row = await mediaOf('wamid.img-expired');
    expect(row).toMatchObject({ state: 'failed', failure_code: 'expired', attempts: 1 });
    const res = await h.http().get(`/api/media/${row.id}`).set(h.auth).expect(410);
    expect(res.body.message).toMatch(/expired at Meta/);
    const info = await h.http().get(`/api/media/${row.id}/info`).set(h.auth).expect(200);
    expect(info.body).toMatchObject({
      state: 'failed',
      url: null,
      failure: { code: 'expired', reason: expect.stringMatching(/5 minutes/) },
    });
  });

  it('bytes that do not match the announced sha256 are retried, then failed; nothing is stored', async () => {
    const media = sim.state.addMedia('image');
    media.corrupt = true;
    await h.deliver(imageFromCustomer('wamid.img-corrupt', media));
    const row = await mediaOf('wamid.img-corrupt');
    expect(row).toMatchObject({ state: 'failed', failure_code: 'sha256_mismatch', attempts: 3, storage_key: null });
    expect(row.failure_reason).toMatch(/sha256.*Gave up after 3 attempts/);
  });

  it('media of another workspace is a 404, a bad id a 400', async () => {
    const [ws] = await h.ds.query(`INSERT INTO workspaces (name) VALUES ('Other') RETURNING id`);
    const [num] = await h.ds.query(
      `INSERT INTO business_numbers (workspace_id, phone_number_id, waba_id, display_phone_number, mode, throughput_cap)
       VALUES ($1, '999000111', '999000222', '15550000000', 'cloud', 80) RETURNING id`,
      [ws.id],
    );
    const [foreign] = await h.ds.query(
      `INSERT INTO media_files (workspace_id, number_id, origin, kind, state) VALUES ($1, $2, 'uploaded', 'image', 'not_available') RETURNING id`,
      [ws.id, num.id],
    );
    await h.http().get(`/api/media/${foreign.id}`).set(h.auth).expect(404);
    await h.http().get(`/api/media/${foreign.id}/info`).set(h.auth).expect(404);
    await h.http().get('/api/media/not-a-uuid').set(h.auth).expect(400);
    const list = await h.http().get('/api/media').set(h.auth);
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).not.toContain(foreign.id);
  });
});
