import { WhatsAppClient } from '@tandem/whatsapp';
import { createHash } from 'node:crypto';
import { fetchMedia } from './fetch-media.util';

const BYTES = Buffer.from('a picture');
const SHA_B64 = createHash('sha256').update(BYTES).digest('base64');
const graphError = (status: number, code: number) => ({
  status,
  json: { error: { message: 'x', type: 'OAuthException', code, fbtrace_id: 't' } },
});

type Reply = { status: number; json?: unknown; bytes?: Buffer };

/** A Graph stand-in at the process boundary: `GET /v23.0/m1` → info, `GET /cdn/…` → bytes, as scripted. */
function clientWith(script: { info: Reply[]; cdn: Reply[] }) {
  const calls: string[] = [];
  const fetchImpl = (async (input: string | URL | Request) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    calls.push(url.pathname);
    const reply = (url.pathname.startsWith('/cdn/') ? script.cdn : script.info).shift() ?? { status: 500, json: {} };
    const body = reply.bytes ?? JSON.stringify(reply.json ?? {});
    return new Response(body, { status: reply.status, headers: { 'content-type': reply.bytes ? 'image/png' : 'application/json' } });
  }) as typeof fetch;
  const client = new WhatsAppClient({ baseUrl: 'http://graph.test', graphVersion: 'v23.0', accessToken: 't', fetch: fetchImpl });
  return { client, calls };
}

const info = (extra: Record<string, unknown> = {}): Reply => ({
  status: 200,
  json: { id: 'm1', url: 'http://graph.test/cdn/m1', mime_type: 'image/png', sha256: SHA_B64, file_size: BYTES.length, ...extra },
});
const input = { metaMediaId: 'm1', phoneNumberId: 'pn-1', expectedSha256: SHA_B64, metaExpiresAt: null };

describe('fetchMedia', () => {
  it('resolves a fresh link and fetches the bytes, checked against the sha256', async () => {
    const { client, calls } = clientWith({ info: [info()], cdn: [{ status: 200, bytes: BYTES }] });
    expect(await fetchMedia(client, input)).toMatchObject({
      kind: 'fetched',
      mimeType: 'image/png',
      sha256: createHash('sha256').update(BYTES).digest('hex'),
    });
    expect(calls).toEqual(['/v23.0/m1', '/cdn/m1']);
  });

  it('a link past its 5 minutes (404) gets one fresh link', async () => {
    const { client, calls } = clientWith({
      info: [info(), info()],
      cdn: [
        { status: 404, json: {} },
        { status: 200, bytes: BYTES },
      ],
    });
    expect((await fetchMedia(client, input)).kind).toBe('fetched');
    expect(calls).toEqual(['/v23.0/m1', '/cdn/m1', '/v23.0/m1', '/cdn/m1']);
  });

  it.each([
    [
      'a second 404 on a fresh link',
      {
        info: [info(), info()],
        cdn: [
          { status: 404, json: {} },
          { status: 404, json: {} },
        ],
      },
      'failed',
      'expired',
    ],
    ['an id Meta no longer knows', { info: [graphError(400, 100)], cdn: [] }, 'failed', 'expired'],
    ['a Meta server error', { info: [graphError(500, 1)], cdn: [] }, 'retry', 'meta_error'],
    ['throttling', { info: [graphError(429, 4)], cdn: [] }, 'retry', 'meta_error'],
    [
      'bytes that do not match the sha256',
      { info: [info()], cdn: [{ status: 200, bytes: Buffer.from('other') }] },
      'retry',
      'sha256_mismatch',
    ],
    ['media larger than WhatsApp allows', { info: [info({ file_size: 200 * 1024 * 1024 })], cdn: [] }, 'failed', 'too_large'],
  ])('%s', async (_, script, kind, code) => {
    const { client } = clientWith(script as { info: Reply[]; cdn: Reply[] });
    expect(await fetchMedia(client, input)).toMatchObject({ kind, code });
  });

  it('an id past its 7 days is failed without calling Meta', async () => {
    const { client, calls } = clientWith({ info: [info()], cdn: [] });
    const outcome = await fetchMedia(client, { ...input, metaExpiresAt: new Date(Date.now() - 1) });
    expect(outcome).toMatchObject({ kind: 'failed', code: 'expired' });
    expect(calls).toEqual([]);
  });
});
