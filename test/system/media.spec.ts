// A received image downloaded and served, every part real: the simulator's customer sends a
// photo, its signed webhook goes through the api's intake, the api's downloader fetches it
// from the simulator's Graph API (media id → 5-minute link → bytes with the token) into the
// media storage, and the studio's REST serves it back, referenced from the message. Then a
// marketer uploads a file for sends and Meta (the simulator) holds it under the returned id.
import { createHash } from 'node:crypto';
import { startTandemStack, type TandemStack } from './tandem-stack';

jest.setTimeout(180_000);

const NUMBER = '108932450377265';
const OMAR = { waId: '201001234567', profileName: 'Omar Haddad' };

interface MessageMedia {
  id: string;
  state: string;
  kind: string;
  url: string | null;
  sha256: string | null;
  size: number | null;
}

let stack: TandemStack;

beforeAll(async () => {
  stack = await startTandemStack('media');
});
afterAll(async () => {
  await stack?.stop();
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function fetchAs(role: 'viewer' | 'marketer', path: string, init: RequestInit = {}): Promise<Response> {
  const { name, value } = await stack.session(role);
  return fetch(`${stack.apiUrl}${path}`, { ...init, headers: { cookie: `${name}=${value}`, ...init.headers } });
}

it('a received image is downloaded and served', async () => {
  const sent = await stack.sim<{ wamid: string }>('/_sim/customers/messages', {
    body: { phoneNumberId: NUMBER, ...OMAR, message: { type: 'image', caption: 'the damaged box' } },
  });
  expect(sent.status).toBeLessThan(300);

  const contactId = await until('the contact', async () => {
    const res = await stack.api<{ items: { id: string; waId: string }[] }>(`/api/contacts?search=${OMAR.waId}`, { as: 'viewer' });
    return res.body.items?.find((c) => c.waId === OMAR.waId)?.id;
  });
  const media = await until('the image downloaded', async () => {
    const res = await stack.api<{ items: { wamid: string; media: MessageMedia | null }[] }>(`/api/contacts/${contactId}/messages`, {
      as: 'viewer',
    });
    const found = res.body.items?.find((m) => m.wamid === sent.body.wamid)?.media;
    return found?.state === 'stored' ? found : undefined;
  });
  expect(media).toMatchObject({ kind: 'image', url: `/api/media/${media.id}` });

  const served = await fetchAs('viewer', media.url ?? '');
  expect(served.status).toBe(200);
  expect(served.headers.get('content-type')).toBe('image/png');
  expect(served.headers.get('x-content-type-options')).toBe('nosniff');
  const bytes = Buffer.from(await served.arrayBuffer());
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(media.sha256);

  // The same bytes Meta (the simulator) announced for the message's media id.
  const webhookMedia = await stack.sim<{ conversations: { messages: { wamid: string; content: { id?: string } }[] }[] }>(
    `/_sim/conversations?phoneNumberId=${NUMBER}&waId=${OMAR.waId}`,
  );
  const metaId = webhookMedia.body.conversations[0].messages.find((m) => m.wamid === sent.body.wamid)?.content.id;
  const atMeta = await stack.sim<{ sha256: string }>(`/_sim/meta/media/${metaId}`);
  expect(createHash('sha256').update(bytes).digest('base64')).toBe(atMeta.body.sha256);
});

it('a marketer uploads a document for sends; an oversize image is refused', async () => {
  const numbers = await stack.api<{ items: { id: string; phoneNumberId: string }[] }>('/api/numbers');
  const numberId = numbers.body.items.find((n) => n.phoneNumberId === NUMBER)?.id ?? '';
  const form = (bytes: Buffer, name: string, type: string) => {
    const f = new FormData();
    f.set('numberId', numberId);
    f.set('file', new Blob([new Uint8Array(bytes)], { type }), name);
    return f;
  };
  const pdf = Buffer.from('%PDF-1.4\nprice list\n');
  const ok = await fetchAs('marketer', '/api/media', { method: 'POST', body: form(pdf, 'prices.pdf', 'application/pdf') });
  expect(ok.status).toBe(201);
  const uploaded = (await ok.json()) as { metaMediaId: string; state: string };
  expect(uploaded.state).toBe('stored');
  const atMeta = await stack.sim<{ size: number; upload: { filename: string } }>(`/_sim/meta/media/${uploaded.metaMediaId}`);
  expect(atMeta.body).toMatchObject({ size: pdf.length, upload: { filename: 'prices.pdf' } });

  const big = await fetchAs('marketer', '/api/media', {
    method: 'POST',
    body: form(Buffer.alloc(6 * 1024 * 1024), 'big.png', 'image/png'),
  });
  expect(big.status).toBe(413);
  expect(((await big.json()) as { message: string }).message).toMatch(/image files may be at most 5 MB/);
});
