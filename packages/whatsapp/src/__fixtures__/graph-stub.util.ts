import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface StubReply {
  status?: number;
  json?: unknown;
  text?: string;
  bytes?: Buffer;
  contentType?: string;
  delayMs?: number;
}

export type StubHandler = (request: RecordedRequest) => StubReply;

/** A real HTTP server standing in for Graph: the client is tested across a socket. */
export class GraphStub {
  readonly requests: RecordedRequest[] = [];
  handler: StubHandler = () => ({ status: 500, text: 'no handler' });
  private server?: Server;

  get baseUrl(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const recorded: RecordedRequest = {
          method: req.method ?? '',
          url: new URL(req.url ?? '/', this.baseUrl),
          headers: req.headers,
          // Multipart bodies (media uploads) are kept as text.
          body: raw && String(req.headers['content-type']).startsWith('application/json') ? JSON.parse(raw) : raw || undefined,
        };
        this.requests.push(recorded);
        const reply = this.handler(recorded);
        const send = () => {
          const payload = reply.bytes ?? Buffer.from(reply.json !== undefined ? JSON.stringify(reply.json) : (reply.text ?? ''));
          res.writeHead(reply.status ?? 200, {
            'Content-Type': reply.contentType ?? (reply.json !== undefined ? 'application/json' : 'text/plain'),
          });
          res.end(payload);
        };
        if (reply.delayMs) setTimeout(send, reply.delayMs);
        else send();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A Graph error body as Meta sends it; `message` includes a phone number on purpose. */
export function graphError(code: number, subcode?: number, details = 'details from Meta') {
  return {
    error: {
      message: `(#${code}) Message to +15551234567 failed`,
      type: 'OAuthException',
      code,
      ...(subcode === undefined ? {} : { error_subcode: subcode }),
      error_data: { messaging_product: 'whatsapp', details },
      fbtrace_id: 'AbCdEfTrace',
    },
  };
}
