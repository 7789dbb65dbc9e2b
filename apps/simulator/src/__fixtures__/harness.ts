import { createSimulatorApp, SimulatorHandle } from '../simulator-app';
import type { SimulatorAppOptions } from '../simulator-options.types';
import { WebhookReceiver } from './webhook-receiver';

export const TEST_SECRET = 'test-app-secret';
export const TEST_TOKEN = 'test-access-token';
export const FAST_STATUSES = { sent: 10, delivered: 20, read: 30 };

export interface TestBed {
  sim: SimulatorHandle;
  receiver: WebhookReceiver;
  close(): Promise<void>;
}

/** A seeded simulator on a free port with a real HTTP receiver as its callback. */
export async function startTestBed(options: Partial<SimulatorAppOptions> = {}): Promise<TestBed> {
  const receiver = await WebhookReceiver.start();
  const sim = await createSimulatorApp({
    port: 0,
    webhookUrl: receiver.url,
    appSecret: TEST_SECRET,
    accessToken: TEST_TOKEN,
    seed: true,
    logger: false,
    ...options,
    behaviour: { statusDelaysMs: FAST_STATUSES, retry: { initialMs: 20 }, ...options.behaviour },
  });
  return {
    sim,
    receiver,
    close: async () => {
      await sim.close();
      await receiver.close();
    },
  };
}

/** Lets the previous test's webhooks settle, then empties simulator and receiver. */
export async function resetBed(bed: TestBed): Promise<void> {
  await bed.sim.whenIdle(5000).catch(() => undefined);
  bed.sim.reset();
  bed.receiver.clear();
}

export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** Calls the simulator; `token: null` omits the Authorization header. */
export async function call<T = Record<string, unknown>>(
  sim: SimulatorHandle,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  token: string | null = TEST_TOKEN,
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${sim.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}

export interface GraphErrorShape {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_data: { messaging_product: string; details: string };
    fbtrace_id: string;
  };
}

export function send(sim: SimulatorHandle, phoneNumberId: string, body: Record<string, unknown>): Promise<HttpResult> {
  return call(sim, 'POST', `/v23.0/${phoneNumberId}/messages`, { messaging_product: 'whatsapp', ...body });
}

export function sendText(sim: SimulatorHandle, phoneNumberId: string, to: string, text = 'Hello there'): Promise<HttpResult> {
  return send(sim, phoneNumberId, { to, type: 'text', text: { body: text } });
}

export function sendTemplate(
  sim: SimulatorHandle,
  phoneNumberId: string,
  to: string,
  name: string,
  bodyParams: string[] = [],
  extra: Record<string, unknown> = {},
): Promise<HttpResult> {
  const components = bodyParams.length ? [{ type: 'body', parameters: bodyParams.map((text) => ({ type: 'text', text })) }] : [];
  return send(sim, phoneNumberId, { to, type: 'template', template: { name, language: { code: 'en_US' }, components }, ...extra });
}

export function wamidOf(result: HttpResult): string {
  const messages = result.body.messages as { id: string }[] | undefined;
  if (!messages?.[0]) throw new Error(`no wamid in ${JSON.stringify(result.body)}`);
  return messages[0].id;
}

export function errorOf(result: HttpResult): GraphErrorShape['error'] {
  return (result.body as unknown as GraphErrorShape).error;
}
