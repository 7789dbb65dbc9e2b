import { createMember } from '../auth/__fixtures__/principals';
import { type MediaHarness, startMediaHarness } from './__fixtures__/media-harness';

jest.setTimeout(30_000);

const MB = 1024 * 1024;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('media uploads for sends: POST /api/media', () => {
  let bed: MediaHarness;

  beforeAll(async () => {
    bed = await startMediaHarness('api_media_upload');
  });
  afterAll(() => bed.close());

  const upload = (file: { bytes: Buffer; name: string; type: string }, numberId = bed.numberId, auth = bed.h.auth) =>
    bed.h
      .http()
      .post('/api/media')
      .set(auth)
      .field('numberId', numberId)
      .attach('file', file.bytes, { filename: file.name, contentType: file.type });
  const uploadsAtMeta = () => [...bed.sim.state.media.values()].filter((m) => m.upload);
  const rows = async () => (await bed.h.ds.query(`SELECT count(*)::int AS n FROM media_files WHERE origin = 'uploaded'`))[0].n as number;

  it('uploads to the number at Meta, keeps the media id for sends and serves the file back', async () => {
    const res = await upload({ bytes: PNG, name: 'logo.png', type: 'image/png' }).expect(201);
    expect(res.body).toMatchObject({
      origin: 'uploaded',
      kind: 'image',
      state: 'stored',
      mimeType: 'image/png',
      filename: 'logo.png',
      size: PNG.length,
      metaMediaId: expect.any(String),
      url: `/api/media/${res.body.id}`,
    });
    expect(Date.parse(res.body.metaExpiresAt) - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    const atMeta = bed.sim.state.media.get(res.body.metaMediaId);
    expect(atMeta?.bytes.equals(PNG)).toBe(true);
    expect(atMeta?.upload).toMatchObject({ phoneNumberId: '108932450377265', filename: 'logo.png' });

    const served = await bed.h.http().get(res.body.url).set(bed.h.auth).buffer(true).expect(200);
    expect(Buffer.compare(served.body as Buffer, PNG)).toBe(0);
    const list = await bed.h.http().get(`/api/media?origin=uploaded&numberId=${bed.numberId}`).set(bed.h.auth).expect(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([res.body.id]);
    const [audit] = await bed.h.ds.query(`SELECT action, target_id FROM audit_log WHERE action = 'media.uploaded'`);
    expect(audit).toEqual({ action: 'media.uploaded', target_id: res.body.id });
  });

  it.each([
    ['an image over 5 MB', { bytes: Buffer.alloc(5 * MB + 1), name: 'big.png', type: 'image/png' }, 413, /image files may be at most 5 MB/],
    [
      'a sticker over 500 KB',
      { bytes: Buffer.alloc(501 * 1024), name: 's.webp', type: 'image/webp' },
      413,
      /sticker files may be at most 500 KB/,
    ],
    ['a file over 100 MB', { bytes: Buffer.alloc(100 * MB + 1), name: 'huge.pdf', type: 'application/pdf' }, 413, /too large/i],
    ['an unsupported type', { bytes: Buffer.from('<script>'), name: 'x.html', type: 'text/html' }, 400, /does not accept text\/html/],
    ['an empty file', { bytes: Buffer.alloc(0), name: 'e.pdf', type: 'application/pdf' }, 400, /empty/],
  ])('refuses %s and stores nothing', async (_, file, status, message) => {
    const before = await rows();
    const res = await upload(file).expect(status);
    expect(res.body.message).toMatch(message);
    expect(await rows()).toBe(before);
    expect(uploadsAtMeta().filter((m) => m.upload?.filename === file.name)).toEqual([]);
  });

  it('refuses a request without a file, a bad number id and a number of another workspace', async () => {
    expect((await bed.h.http().post('/api/media').set(bed.h.auth).field('numberId', bed.numberId).expect(400)).body.message).toMatch(
      /multipart field "file"/,
    );
    await upload({ bytes: PNG, name: 'a.png', type: 'image/png' }, 'not-a-uuid').expect(400);
    await upload({ bytes: PNG, name: 'a.png', type: 'image/png' }, '7d0b3c1e-7a43-4f3b-9d59-0c7f0e1b2a3c').expect(404);
  });

  it('needs media.upload: an agent is refused, a marketer may upload', async () => {
    const [ws] = await bed.h.ds.query('SELECT workspace_id AS id FROM business_numbers WHERE id = $1', [bed.numberId]);
    const agent = await createMember(bed.h.ds, ws.id, 'agent');
    const marketer = await createMember(bed.h.ds, ws.id, 'marketer');
    await upload({ bytes: PNG, name: 'a.png', type: 'image/png' }, bed.numberId, { Cookie: agent.cookie }).expect(403);
    await upload({ bytes: PNG, name: 'm.png', type: 'image/png' }, bed.numberId, { Cookie: marketer.cookie }).expect(201);
  });
});
