import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../app.factory';

jest.setTimeout(30_000);

const STUDIO = 'https://studio.example.test:8443';
const PUBLIC = 'https://tandem.example.test';

describe('CORS', () => {
  let app: INestApplication;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, {
      DATABASE_URL: 'postgres://tandem:tandem@127.0.0.1:5432/tandem_test',
      TANDEM_PUBLIC_URL: `${PUBLIC}/`,
      TANDEM_STUDIO_URL: `${STUDIO}/app`,
    });
    app = await createApiApp();
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    process.env = saved;
  });

  it.each([STUDIO, PUBLIC])('lets %s read responses, with credentials', async (origin) => {
    const res = await request(app.getHttpServer()).get('/health').set('Origin', origin);
    expect(res.headers['access-control-allow-origin']).toBe(origin);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
  });

  it.each([
    ['another site', 'https://evil.example.test'],
    ['the studio host on another port', 'https://studio.example.test:9443'],
    ['the studio over plain http', 'http://studio.example.test:8443'],
    ['the literal null origin', 'null'],
  ])('gives %s no CORS headers', async (_name, origin) => {
    const res = await request(app.getHttpServer()).get('/health').set('Origin', origin);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('answers a preflight from the studio and not from another origin', async () => {
    const preflight = (origin: string) =>
      request(app.getHttpServer())
        .options('/api/journeys')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type');
    const allowed = await preflight(STUDIO);
    expect(allowed.headers['access-control-allow-origin']).toBe(STUDIO);
    expect(allowed.headers['access-control-allow-methods']).toContain('POST');
    const refused = await preflight('https://evil.example.test');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });
});
