import request from 'supertest';
import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';

jest.setTimeout(30_000);

/** PostgreSQL refuses NUL in text and jsonb: every route answers 400 naming where, and writes nothing. */
describe('text PostgreSQL cannot store, anywhere in a request', () => {
  let h: EngineApiHarness;
  /** A raw JSON text (supertest would re-encode escapes, and cannot encode deep values). */
  const postRaw = (path: string, json: string) =>
    request(h.app.getHttpServer()).post(path).set('Content-Type', 'application/json').send(json);
  const count = async (table: string) => Number((await h.ds.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    h = await startEngineApi('storable_input');
  });
  afterAll(() => h?.close());

  it('POST /api/journeys with a NUL in the name: 400 naming body.name, no journey', async () => {
    const res = await h.post('/api/journeys', { name: 'Wel\u0000come' }).expect(400);
    expect(res.body.message).toBe('text may not contain NUL characters (body.name)');
    expect(res.body.issues).toEqual([{ path: 'body.name', message: 'text may not contain NUL characters' }]);
    expect(await count('journeys')).toBe(0);
  });

  it('POST /api/numbers with a NUL: 400, no number', async () => {
    const before = await count('business_numbers');
    const body = { phoneNumberId: '1\u0000', wabaId: '2', displayPhoneNumber: '+1 555 0100', mode: 'cloud' };
    expect((await h.post('/api/numbers', body).expect(400)).body.issues[0].path).toBe('body.phoneNumberId');
    expect(await count('business_numbers')).toBe(before);
  });

  it('a NUL deep in a journey document (jsonb) and in an object key, a lone surrogate sent as an escape', async () => {
    const doc = { name: 'x', document: { nodes: [{ id: 'a', type: 'core.send-text@1', config: { text: '\u0000' } }] } };
    expect((await h.post('/api/journeys', doc).expect(400)).body.issues[0].path).toBe('body.document.nodes.0.config.text');
    const key = await h.post('/api/journeys', { name: 'x', document: { 'a\u0000': 1 } }).expect(400);
    expect(key.body.issues[0].path).toBe('body.document.a\\u0000');
    const surrogate = await postRaw('/api/journeys', '{"name":"\\ud800"}').expect(400);
    expect(surrogate.body.message).toBe('text may not contain unpaired UTF-16 surrogates (body.name)');
    expect(await count('journeys')).toBe(0);
  });

  it('a NUL in a query string or a path: 400 before any handler', async () => {
    expect((await h.get('/api/contacts?search=a%00b').expect(400)).body.issues[0].path).toBe('query.search');
    expect((await h.get('/api/journeys/%00').expect(400)).body.issues[0].path).toBe('path');
  });

  it('a body nested past the limit: 400, checked before authentication', async () => {
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const res = await postRaw('/api/journeys', `{"name":"deep","document":${deep}}`).expect(400);
    expect(res.body.message).toMatch(/may not nest deeper than 64 levels/);
  });
});
