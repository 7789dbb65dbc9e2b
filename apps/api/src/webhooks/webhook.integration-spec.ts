import { signed } from './__fixtures__/meta-signing';
import { APP_SECRET, type IntakeHarness, startIntake, VERIFY_TOKEN } from './__fixtures__/intake-harness';
import { JOAO, NOW_S, PHONE_NUMBER_ID, text, WABA_ID } from './__fixtures__/webhooks';

describe('POST/GET /webhooks/whatsapp (transport)', () => {
  let h: IntakeHarness;

  beforeAll(async () => {
    h = await startIntake('intake_webhook');
    await h.seedNumber();
  });
  afterAll(() => h.close());

  const stored = async (): Promise<number> => (await h.ds.query('SELECT count(*)::int AS n FROM webhook_deliveries'))[0].n;

  describe('verification handshake', () => {
    it('answers the raw challenge as text/plain when the token matches', async () => {
      const res = await h
        .http()
        .get('/webhooks/whatsapp')
        .query({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1158201444' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toBe('1158201444');
    });

    it.each([
      ['a wrong token', { 'hub.mode': 'subscribe', 'hub.verify_token': 'nope', 'hub.challenge': '1' }],
      [
        'a wrong token of the same length',
        { 'hub.mode': 'subscribe', 'hub.verify_token': 'x'.repeat(VERIFY_TOKEN.length), 'hub.challenge': '1' },
      ],
      ['the token with a suffix', { 'hub.mode': 'subscribe', 'hub.verify_token': `${VERIFY_TOKEN}x`, 'hub.challenge': '1' }],
      ['a wrong mode', { 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' }],
      ['no parameters', {}],
    ])('refuses %s with 403', async (_name, query) => {
      expect((await h.http().get('/webhooks/whatsapp').query(query)).status).toBe(403);
    });
  });

  describe('delivery checks (nothing is stored unless all pass)', () => {
    const body = text(JOAO, 'wamid.transport-1', NOW_S, 'Olá! Preço da caixa/tênis? 👟');

    it('stores a signed delivery (non-ASCII escaped as Meta does) and answers 200 at once', async () => {
      const { raw } = signed(body, APP_SECRET);
      expect(raw.toString()).toContain('\\u00e1');
      const res = await h.post(body);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ received: true, duplicate: false });
      const [row] = await h.ds.query('SELECT body, signature, phone_number_ids, waba_ids FROM webhook_deliveries WHERE id = $1', [
        res.body.deliveryId,
      ]);
      expect(Buffer.compare(row.body, raw)).toBe(0);
      // Whom it concerns is stored with it: that decides which workspaces see the delivery.
      expect(row).toMatchObject({ phone_number_ids: [PHONE_NUMBER_ID], waba_ids: [WABA_ID] });
      expect(await h.waitForDelivery(res.body.deliveryId)).toBe('processed');
    });

    it('recognises the exact same body again and changes nothing', async () => {
      const before = await stored();
      const res = await h.post(body);
      expect(res.status).toBe(200);
      expect(res.body.duplicate).toBe(true);
      expect(await stored()).toBe(before);
      const [{ n }] = await h.ds.query(`SELECT count(*)::int AS n FROM messages WHERE wamid = 'wamid.transport-1'`);
      expect(n).toBe(1);
    });

    it('refuses a wrong content type with 415', async () => {
      const before = await stored();
      const { raw, signature } = signed({ object: 'whatsapp_business_account', entry: [] }, APP_SECRET);
      const res = await h
        .http()
        .post('/webhooks/whatsapp')
        .set('Content-Type', 'text/plain')
        .set('X-Hub-Signature-256', signature)
        .send(raw.toString());
      expect(res.status).toBe(415);
      expect(await stored()).toBe(before);
    });

    it.each([
      ['missing', undefined],
      ['signed with another secret', signed(body, 'not-the-secret').signature],
      ['malformed', 'sha1=abc'],
    ])('refuses a %s signature with 401', async (_name, signature) => {
      const before = await stored();
      let req = h.http().post('/webhooks/whatsapp').set('Content-Type', 'application/json');
      if (signature) req = req.set('X-Hub-Signature-256', signature);
      const res = await req.send(signed(body, APP_SECRET).raw.toString());
      expect(res.status).toBe(401);
      expect(await stored()).toBe(before);
    });

    it('refuses a re-serialized body: the signature covers the exact bytes', async () => {
      const { signature } = signed(body, APP_SECRET);
      const res = await h
        .http()
        .post('/webhooks/whatsapp')
        .set('Content-Type', 'application/json')
        .set('X-Hub-Signature-256', signature)
        .send(JSON.stringify(body));
      expect(res.status).toBe(401);
    });

    it('refuses malformed JSON with a valid signature with 400', async () => {
      const before = await stored();
      const { raw, signature } = signed(Buffer.from('{"object":"whatsapp_business_account","entry":['), APP_SECRET);
      const res = await h
        .http()
        .post('/webhooks/whatsapp')
        .set('Content-Type', 'application/json')
        .set('X-Hub-Signature-256', signature)
        .send(raw.toString());
      expect(res.status).toBe(400);
      expect(await stored()).toBe(before);
    });

    it('accepts a body of 3 MB', async () => {
      const base = text(JOAO, 'wamid.transport-big', NOW_S, 'x');
      const overhead = signed({ ...base, padding: '' }, APP_SECRET).raw.length;
      const big = { ...base, padding: 'p'.repeat(3 * 1024 * 1024 - overhead) };
      expect(signed(big, APP_SECRET).raw.length).toBe(3 * 1024 * 1024);
      const res = await h.post(big);
      expect(res.status).toBe(200);
    });

    it('refuses a 4 MB body with 413, whether its length is declared or only seen while streaming', async () => {
      const before = await stored();
      const huge = { ...body, padding: 'p'.repeat(4 * 1024 * 1024) };
      expect((await h.post(huge)).status).toBe(413);
      const { raw, signature } = signed(huge, APP_SECRET);
      const chunked = h.http().post('/webhooks/whatsapp').set('Content-Type', 'application/json').set('X-Hub-Signature-256', signature);
      chunked.set('Transfer-Encoding', 'chunked');
      for (let i = 0; i < raw.length; i += 256 * 1024) chunked.write(raw.subarray(i, i + 256 * 1024));
      expect((await chunked).status).toBe(413);
      expect(await stored()).toBe(before);
    });
  });

  it('keeps the REST API behind the admin token', async () => {
    expect((await h.http().get('/api/numbers')).status).toBe(401);
    expect((await h.http().get('/api/numbers').set(h.auth)).status).toBe(200);
  });
});
