import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, dropRedisPrefix, type TestDatabase } from '@tandem/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../app.factory';
import { createHarnessAdmin } from '../../auth/__fixtures__/principals';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A real api on a fresh database, with helpers to call it and to write rows directly. */
export interface EngineApiHarness {
  ds: DataSource;
  app: INestApplication;
  /** Unique per harness: QUEUE_PREFIX and TEMPORAL_TASK_QUEUE. */
  prefix: string;
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  put(path: string, body: object): request.Test;
  patch(path: string, body: object): request.Test;
  /** Inserts a row and returns it (snake_case columns). */
  insert<T = Record<string, unknown>>(table: string, row: Record<string, unknown>): Promise<T & { id: string }>;
  close(): Promise<void>;
}

/** Boots `createApiApp()` on `tandem_test_<name>` with a unique queue prefix and task queue. */
export async function startEngineApi(name: string, env: Record<string, string> = {}): Promise<EngineApiHarness> {
  const db: TestDatabase = await createTestDatabase(name);
  const prefix = `test-${name}-${randomUUID().slice(0, 8)}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    TEMPORAL_TASK_QUEUE: prefix,
    // No worker serves these tests: an inbox reply answers `pending` at once.
    INBOX_REPLY_WAIT_MS: '100',
    ...env,
  });
  const app = await createApiApp();
  await app.init();
  const admin = await createHarnessAdmin(db.dataSource);
  const auth = (t: request.Test) => t.set('Cookie', admin.cookie);
  const server = () => request(app.getHttpServer());
  return {
    ds: db.dataSource,
    app,
    prefix,
    get: (path) => auth(server().get(path)),
    post: (path, body) => auth(server().post(path)).send(body ?? {}),
    put: (path, body) => auth(server().put(path)).send(body),
    patch: (path, body) => auth(server().patch(path)).send(body),
    async insert(table, row) {
      const cols = Object.keys(row);
      const values = Object.values(row).map((v) =>
        v !== null && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) ? JSON.stringify(v) : v,
      );
      const [inserted] = await db.dataSource.query(
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
        values,
      );
      return inserted;
    },
    async close() {
      await app.close();
      await db.close();
      await dropRedisPrefix(prefix, REDIS_URL);
    },
  };
}
