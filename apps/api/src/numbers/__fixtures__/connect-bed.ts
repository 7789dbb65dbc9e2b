// The Graph API is the process boundary here: the simulator app stands in for Meta, in-process.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createSimulatorApp, type SimulatorHandle } from '../../../../simulator/src';
import type { AddressInfo } from 'node:net';
import { type EngineApiHarness, startEngineApi } from '../../journeys/__fixtures__/engine-api-harness';

export const APP_ID = 'connect-test-app';
export const APP_SECRET = 'connect-test-app-secret';
/** The simulator's system token; the api's META_ACCESS_TOKEN is NOT it, so only stored business tokens work. */
const SIM_SYSTEM_TOKEN = 'connect-test-system-token';

export interface ConnectBed {
  sim: SimulatorHandle;
  h: EngineApiHarness;
  /** Plays the business in Meta's dialog; returns what the studio's wizard receives. */
  signUp(display: string, shareHistory?: boolean): Promise<{ code: string; wabaId: string; phoneNumberId: string }>;
  /** Calls the simulator's control API. */
  control(path: string, body: unknown): Promise<Response>;
  close(): Promise<void>;
}

/** An api listening on a port, a simulator whose webhooks reach it, both with the same app. */
export async function startConnectBed(name: string, env: Record<string, string> = {}): Promise<ConnectBed> {
  const sim = await createSimulatorApp({
    port: 0,
    webhookUrl: 'http://127.0.0.1:9/not-yet',
    appSecret: APP_SECRET,
    accessToken: SIM_SYSTEM_TOKEN,
    appId: APP_ID,
    logger: false,
    behaviour: { statusDelaysMs: { sent: 10, delivered: 20, read: 30 }, retry: { initialMs: 20 } },
  });
  const h = await startEngineApi(name, {
    META_GRAPH_BASE_URL: sim.url,
    META_APP_ID: APP_ID,
    META_APP_SECRET: APP_SECRET,
    META_ACCESS_TOKEN: 'a-token-the-simulator-refuses',
    // Concurrent sync webhooks can hit a transient deadlock in the intake (retried by design);
    // retry within the test's patience instead of after the 30 s production sweep.
    WEBHOOK_INGEST_BACKOFF_MS: '200',
    INTAKE_SWEEP_INTERVAL_SECONDS: '1',
    INTAKE_SWEEP_AFTER_SECONDS: '1',
    ...env,
  });
  await h.app.listen(0, '127.0.0.1');
  const port = (h.app.getHttpServer().address() as AddressInfo).port;
  sim.configure({ webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp` });
  return {
    sim,
    h,
    async signUp(display, shareHistory = true) {
      const response = await fetch(`${sim.url}/v23.0/dialog/oauth/finish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: APP_ID, display_phone_number: display, share_history: shareHistory }),
      });
      const json = (await response.json()) as Record<string, string>;
      if (!response.ok) throw new Error(`dialog refused: ${JSON.stringify(json)}`);
      return { code: json.code, wabaId: json.waba_id, phoneNumberId: json.phone_number_id };
    },
    control: (path, body) =>
      fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    async close() {
      await sim.close();
      await h.close();
    },
  };
}

/** Polls `read` until `done` holds (no fixed sleep); fails with the last value after `timeoutMs`. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
