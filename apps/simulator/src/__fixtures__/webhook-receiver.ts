import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookChange {
  field: string;
  value: Record<string, unknown>;
}

export interface WebhookBody {
  object: string;
  entry: { id: string; time?: number; changes: WebhookChange[] }[];
}

export interface ReceivedWebhook {
  raw: Buffer;
  body: WebhookBody;
  signature: string | undefined;
  contentType: string | undefined;
  /** Status this receiver answered with. */
  answered: number;
  at: number;
}

/** A real HTTP callback endpoint standing in for Tandem's webhook intake. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** Decides the answer of the n-th POST (0-based); 200 unless a test changes it. */
  respond: (index: number, raw: Buffer) => number = () => 200;

  private readonly server: Server;
  private attempts = 0;
  url = '';

  private constructor() {
    this.server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const status = this.record(req, raw);
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'EVENT_RECEIVED' : 'nope');
      });
    });
  }

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/webhooks/whatsapp`;
    return receiver;
  }

  private record(req: IncomingMessage, raw: Buffer): number {
    const answered = this.respond(this.attempts++, raw);
    const signature = req.headers['x-hub-signature-256'];
    this.received.push({
      raw,
      body: JSON.parse(raw.toString('utf8')) as WebhookBody,
      signature: typeof signature === 'string' ? signature : undefined,
      contentType: req.headers['content-type'],
      answered,
      at: Date.now(),
    });
    return answered;
  }

  /** Changes of every webhook answered with 200, optionally of one field. */
  changes(field?: string): WebhookChange[] {
    return this.received
      .filter((w) => w.answered === 200)
      .flatMap((w) => w.body.entry.flatMap((e) => e.changes))
      .filter((c) => field === undefined || c.field === field);
  }

  /** Status items received (answered 200), optionally for one wamid. */
  statuses(wamid?: string): Record<string, unknown>[] {
    return this.changes('messages')
      .flatMap((c) => (c.value.statuses as Record<string, unknown>[] | undefined) ?? [])
      .filter((s) => wamid === undefined || s.id === wamid);
  }

  async waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; received ${this.received.length} webhooks`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  clear(): void {
    this.received.length = 0;
    this.attempts = 0;
    this.respond = () => 200;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** What Tandem's intake must do: HMAC over the raw bytes, constant-time compare. */
export function verifySignature(raw: Buffer, header: string | undefined, secret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(raw).digest('hex'));
  const given = Buffer.from(header.slice('sha256='.length));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
