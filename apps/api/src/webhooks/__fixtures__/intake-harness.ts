import type { INestApplication } from '@nestjs/common';
import type { EngineEvent } from '@tandem/db';
import { collectEngineEvents, createTestDatabase, dropRedisPrefix, type TestDatabase } from '@tandem/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../app.factory';
import { createHarnessAdmin } from '../../auth/__fixtures__/principals';
import { signed } from './meta-signing';
import { DISPLAY_NUMBER, ONBOARDED_AT_S, PHONE_NUMBER_ID, WABA_ID } from './webhooks';

export const APP_SECRET = 'intake-test-app-secret';
export const VERIFY_TOKEN = 'intake-test-verify-token';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface IntakeHarness {
  db: TestDatabase;
  ds: DataSource;
  app: INestApplication;
  prefix: string;
  /** Engine events a consumer took so far, in the order it handled them. */
  events: EngineEvent[];
  /** Headers of an admin of every workspace the test creates (calls act in the oldest one). */
  auth: Record<string, string>;
  http(): ReturnType<typeof request>;
  /** POSTs a body signed with the real secret; resolves with the response. */
  post(body: unknown): Promise<request.Response>;
  /** POSTs and waits until the delivery is processed (or dead). */
  deliver(body: unknown): Promise<{ deliveryId: string; outcome: string }>;
  waitForDelivery(deliveryId: string, outcomes?: string[]): Promise<string>;
  /** Registers the fixtures' number (a workspace is created); returns its id. */
  seedNumber(overrides?: Partial<Record<string, unknown>>): Promise<string>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** A real api (Nest app, PostgreSQL database of its own, BullMQ under a unique prefix). */
export async function startIntake(name: string, env: Record<string, string> = {}): Promise<IntakeHarness> {
  const db = await createTestDatabase(name);
  const prefix = `test-${name}-${randomUUID().slice(0, 8)}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    META_APP_SECRET: APP_SECRET,
    META_VERIFY_TOKEN: VERIFY_TOKEN,
    WEBHOOK_INGEST_ATTEMPTS: '3',
    WEBHOOK_INGEST_BACKOFF_MS: '20',
    ...env,
  });
  const { events, close: closeEvents } = await collectEngineEvents(db.dataSource);
  const admin = await createHarnessAdmin(db.dataSource);
  let app = await boot();
  const h: IntakeHarness = {
    db,
    ds: db.dataSource,
    get app() {
      return app;
    },
    prefix,
    events,
    auth: { Cookie: admin.cookie },
    http: () => request(app.getHttpServer()),
    post: (body) => {
      const { raw, signature } = signed(body, APP_SECRET);
      return (
        request(app.getHttpServer())
          .post('/webhooks/whatsapp')
          .set('Content-Type', 'application/json')
          .set('X-Hub-Signature-256', signature)
          // A string, not the Buffer: superagent would JSON-encode a Buffer sent as application/json.
          .send(raw.toString('utf8'))
      );
    },
    async deliver(body) {
      const res = await h.post(body);
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${res.text}`);
      const deliveryId = res.body.deliveryId as string;
      return { deliveryId, outcome: await h.waitForDelivery(deliveryId) };
    },
    async waitForDelivery(deliveryId, outcomes = ['processed', 'dead']) {
      return until(async () => {
        const [row] = await db.dataSource.query('SELECT outcome FROM webhook_deliveries WHERE id = $1', [deliveryId]);
        return row && outcomes.includes(row.outcome) ? (row.outcome as string) : undefined;
      });
    },
    async seedNumber(overrides = {}) {
      const [ws] = await db.dataSource.query(`INSERT INTO workspaces (name) VALUES ('Acme') RETURNING id`);
      const row = {
        phone_number_id: PHONE_NUMBER_ID,
        waba_id: WABA_ID,
        display_phone_number: DISPLAY_NUMBER,
        mode: 'coexistence',
        throughput_cap: 20,
        onboarded_at: new Date(ONBOARDED_AT_S * 1000),
        ...overrides,
      };
      const cols = Object.keys(row);
      const [num] = await db.dataSource.query(
        `INSERT INTO business_numbers (workspace_id, ${cols.join(', ')}) VALUES ($1, ${cols.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING id`,
        [ws.id, ...Object.values(row)],
      );
      return num.id as string;
    },
    async restart() {
      await app.close();
      app = await boot();
    },
    async close() {
      await app.close();
      await closeEvents();
      await db.close();
      await dropRedisPrefix(prefix, REDIS_URL);
    },
  };
  return h;
}

async function boot(): Promise<INestApplication> {
  const app = await createApiApp();
  await app.init();
  return app;
}

/** Polls until `probe` yields a value (default 10 s). */
export async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
