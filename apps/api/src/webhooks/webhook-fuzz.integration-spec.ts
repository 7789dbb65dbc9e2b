import fc from 'fast-check';
import request from 'supertest';
import { signed } from './__fixtures__/meta-signing';
import { APP_SECRET, type IntakeHarness, startIntake } from './__fixtures__/intake-harness';
import { arbitraryObjectBody, mutatedMetaBody, notAnObjectBody } from './__fixtures__/webhook-arbitraries';

jest.setTimeout(180_000);

/**
 * Property-based: signed bodies of every shape through the real endpoint and ingest. Never a
 * 5xx; a body the endpoint accepts ends `processed` (never `failed` or `dead`: a delivery the
 * ingest cannot apply would retry until it is a dead letter); a body it refuses stores nothing.
 * A fixed seed keeps runs reproducible; fast-check prints the seed and the shrunk counterexample.
 */
describe('webhook endpoint under property-based fuzzing', () => {
  let h: IntakeHarness;
  // FUZZ_SEED and FUZZ_RUNS (a multiplier) explore further; the suite's own run is fixed.
  const SEED = Number(process.env.FUZZ_SEED ?? 1604);
  const runs = (n: number) => n * Number(process.env.FUZZ_RUNS ?? 1);

  beforeAll(async () => {
    h = await startIntake('webhook_fuzz');
    await h.seedNumber();
  });
  afterAll(() => h?.close());

  const deliveries = async () => Number((await h.ds.query('SELECT count(*) AS n FROM webhook_deliveries'))[0].n);

  /** Posts raw bytes as they are (supertest would re-encode a string or JSON-encode a Buffer). */
  function postRaw(body: unknown): Promise<request.Response> {
    const { raw, signature } = signed(body, APP_SECRET);
    return request(h.app.getHttpServer())
      .post('/webhooks/whatsapp')
      .set('Content-Type', 'application/json')
      .set('X-Hub-Signature-256', signature)
      .serialize((data: unknown) => data as string)
      .send(raw as unknown as string);
  }

  /** What every signed body must satisfy; returns the status for the caller's own checks. */
  async function accepts(body: unknown): Promise<number> {
    const before = await deliveries();
    const res = await postRaw(body);
    if (res.status >= 500) throw new Error(`answered ${res.status}: ${res.text}`);
    if (res.status !== 200) {
      expect(await deliveries()).toBe(before);
      return res.status;
    }
    const outcome = await h.waitForDelivery(res.body.deliveryId, ['processed', 'dead']);
    if (outcome !== 'processed') {
      const [row] = await h.ds.query('SELECT outcome, last_error FROM webhook_deliveries WHERE id = $1', [res.body.deliveryId]);
      throw new Error(`delivery ${outcome}: ${row.last_error}`);
    }
    return res.status;
  }

  it('Meta-shaped bodies with adversarial fields (NUL, lone surrogates, huge numbers, wrong types, deep values): processed', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedMetaBody, async (body) => {
        expect(await accepts(body)).toBe(200);
      }),
      { seed: SEED, numRuns: runs(120) },
    );
  });

  it('arbitrary JSON objects, envelopes with arbitrary entries: processed', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryObjectBody, async (body) => {
        expect(await accepts(body)).toBe(200);
      }),
      { seed: SEED, numRuns: runs(60) },
    );
  });

  it('bytes that are not a JSON object (garbage, invalid UTF-8, scalars, arrays): a 400 and nothing stored', async () => {
    await fc.assert(
      fc.asyncProperty(notAnObjectBody, async (body) => {
        expect(await accepts(body)).toBe(400);
      }),
      { seed: SEED, numRuns: runs(40) },
    );
  });

  it('invalid UTF-8 inside a JSON string, and nesting far deeper than the call stack: stored and processed', async () => {
    const envelopeAround = (value: string) =>
      Buffer.from(`{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":${value}}]}]}`);
    const invalidUtf8 = Buffer.concat([
      Buffer.from('{"object":"whatsapp_business_account","x":"'),
      Buffer.from([0xff, 0xc0, 0xed, 0xa0, 0x80]),
      Buffer.from('"}'),
    ]);
    expect(await accepts(invalidUtf8)).toBe(200);
    for (const depth of [1_000, 100_000]) {
      expect(await accepts(envelopeAround('{"a":'.repeat(depth) + '1' + '}'.repeat(depth)))).toBe(200);
      expect(await accepts(envelopeAround('['.repeat(depth) + ']'.repeat(depth)))).toBe(200);
    }
  });
});
