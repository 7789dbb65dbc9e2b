import { call, resetBed, startTestBed, TEST_TOKEN, type TestBed } from '../__fixtures__/harness';
import { DEMO_PHONE_NUMBER_ID } from '../seed/demo-seed';

const auth = { authorization: `Bearer ${TEST_TOKEN}` };

function upload(bed: TestBed, file: { bytes: Buffer; type: string; name: string }, phoneNumberId = DEMO_PHONE_NUMBER_ID) {
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('type', file.type);
  form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return fetch(`${bed.sim.url}/v23.0/${phoneNumberId}/media`, { method: 'POST', headers: auth, body: form });
}

describe('media: links that expire, ids that expire, uploads', () => {
  let bed: TestBed;

  beforeAll(async () => {
    bed = await startTestBed();
  });
  afterAll(() => bed.close());
  beforeEach(() => resetBed(bed));

  it('a media URL past its 5 minutes answers 404; GET /{media-id} gives a fresh one', async () => {
    const media = bed.sim.state.addMedia('image');
    const stale = bed.sim.state.mediaUrl(media.id, Date.now() - 5 * 60 * 1000 - 1);
    expect((await fetch(stale, { headers: auth })).status).toBe(404);
    const fresh = await call<{ url: string; sha256: string }>(bed.sim, 'GET', `/v23.0/${media.id}`);
    const bytes = await fetch(fresh.body.url, { headers: auth });
    expect(bytes.status).toBe(200);
    expect(fresh.body.sha256).toBe(media.sha256);
  });

  it('an expired media id is unknown to Graph and its links are gone', async () => {
    const media = bed.sim.state.addMedia('document');
    const { body } = await call<{ url: string }>(bed.sim, 'GET', `/v23.0/${media.id}`);
    expect((await call(bed.sim, 'POST', `/_sim/meta/media/${media.id}/expire`)).body).toMatchObject({ expired: true });
    expect((await call(bed.sim, 'GET', `/v23.0/${media.id}`)).status).toBe(400);
    expect((await fetch(body.url, { headers: auth })).status).toBe(404);
  });

  it('a corrupt transfer serves bytes that do not match the announced sha256', async () => {
    const media = bed.sim.state.addMedia('image');
    await call(bed.sim, 'POST', `/_sim/meta/media/${media.id}/corrupt`);
    const served = Buffer.from(await (await fetch(bed.sim.state.mediaUrl(media.id), { headers: auth })).arrayBuffer());
    expect(served.equals(media.bytes)).toBe(false);
  });

  it('accepts an upload within the limits and keeps the bytes under the returned id', async () => {
    const bytes = Buffer.from('%PDF-1.4 menu');
    const response = await upload(bed, { bytes, type: 'application/pdf', name: 'menu.pdf' });
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: string };
    const stored = await call(bed.sim, 'GET', `/_sim/meta/media/${id}`);
    expect(stored.body).toMatchObject({
      mimeType: 'application/pdf',
      size: bytes.length,
      upload: { phoneNumberId: DEMO_PHONE_NUMBER_ID, filename: 'menu.pdf' },
    });
    const graph = await call<{ url: string }>(bed.sim, 'GET', `/v23.0/${id}`);
    expect(Buffer.from(await (await fetch(graph.body.url, { headers: auth })).arrayBuffer()).equals(bytes)).toBe(true);
  });

  it.each([
    ['an oversize image', { bytes: Buffer.alloc(5 * 1024 * 1024 + 1), type: 'image/png', name: 'big.png' }, 131053],
    ['an unsupported type', { bytes: Buffer.from('<html>'), type: 'text/html', name: 'x.html' }, 131053],
  ])('refuses %s with code %d and stores nothing', async (_, file, code) => {
    const response = await upload(bed, file);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: number } }).error.code).toBe(code);
    expect([...bed.sim.state.media.values()].filter((m) => m.upload)).toEqual([]);
  });

  it('refuses an upload to an unknown number or without the token', async () => {
    expect((await upload(bed, { bytes: Buffer.from('x'), type: 'text/plain', name: 'a.txt' }, '999')).status).toBe(400);
    const response = await fetch(`${bed.sim.url}/v23.0/${DEMO_PHONE_NUMBER_ID}/media`, { method: 'POST', body: new FormData() });
    expect(response.status).toBe(401);
  });
});
