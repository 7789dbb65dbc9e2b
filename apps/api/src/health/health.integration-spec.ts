import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../app.factory';

jest.setTimeout(30_000);

async function withApp(env: Record<string, string>, fn: (app: INestApplication) => Promise<void>): Promise<void> {
  const saved = { ...process.env };
  Object.assign(process.env, { DATABASE_URL: 'postgres://tandem:tandem@127.0.0.1:5432/tandem_test' }, env);
  const app = await createApiApp();
  await app.init();
  try {
    await fn(app);
  } finally {
    await app.close();
    process.env = saved;
  }
}

describe('GET /health', () => {
  it('answers 200 when PostgreSQL, Redis and Temporal are all reachable', async () => {
    await withApp({}, async (app) => {
      const res = await request(app.getHttpServer()).get('/health').expect(200);
      expect(res.body).toEqual({
        status: 'ok',
        services: { postgres: { status: 'up' }, redis: { status: 'up' }, temporal: { status: 'up' } },
      });
    });
  });

  it('answers 503 naming Temporal when it cannot be reached, with its state and no error text', async () => {
    await withApp({ TEMPORAL_ADDRESS: '127.0.0.1:1' }, async (app) => {
      const res = await request(app.getHttpServer()).get('/health').expect(503);
      expect(res.body).toEqual({
        status: 'degraded',
        services: { postgres: { status: 'up' }, redis: { status: 'up' }, temporal: { status: 'down' } },
      });
      expect(res.text).not.toContain('127.0.0.1');
    });
  });

  it('is public while other routes need the admin token', async () => {
    await withApp({}, async (app) => {
      await request(app.getHttpServer()).get('/api/docs-json').expect(200);
      await request(app.getHttpServer())
        .get('/api/numbers')
        .expect((res) => expect([401, 404]).toContain(res.status));
    });
  });
});
