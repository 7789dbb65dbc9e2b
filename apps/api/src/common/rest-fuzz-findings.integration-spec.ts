import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';
import { seedTenant } from '../journeys/__fixtures__/engine-rows';

jest.setTimeout(30_000);

/** Focused regressions for what the REST fuzzer (rest-fuzz.integration-spec.ts) found. */
describe('REST fuzzer findings', () => {
  let h: EngineApiHarness;
  let journeyId: string;

  beforeAll(async () => {
    h = await startEngineApi('rest_fuzz_findings');
    await seedTenant(h);
    journeyId = (await h.post('/api/journeys', { name: 'Versions' }).expect(201)).body.id;
  });
  afterAll(() => h?.close());

  it('a version past a PostgreSQL integer (2^31) is invalid input (400), not an overflow in the store (500)', async () => {
    const tooBig = 2 ** 31;
    const rollback = await h.post(`/api/journeys/${journeyId}/rollback`, { version: tooBig }).expect(400);
    expect(rollback.body.issues[0].path).toBe('version');
    await h.get(`/api/journeys/${journeyId}/versions/${tooBig}`).expect(400);
    await h.get(`/api/runs?version=${tooBig}`).expect(400);
    // The largest integer is fine: there is simply no such version.
    await h.get(`/api/journeys/${journeyId}/versions/${tooBig - 1}`).expect(404);
  });
});
