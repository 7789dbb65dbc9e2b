import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';

/** One server-sent event as received. */
export interface ReceivedEvent {
  event: string;
  data: string;
}

/** A live `text/event-stream` connection to the app, collecting its events. */
export interface SseConnection {
  status: number;
  events: ReceivedEvent[];
  /** Resolves with the first event (already received or later) that `match` accepts. */
  next(match: (e: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  close(): void;
}

function parseBlock(block: string): ReceivedEvent {
  const field = (name: string) =>
    block
      .split('\n')
      .filter((l) => l.startsWith(`${name}:`))
      .map((l) => l.slice(name.length + 1).trim())
      .join('\n');
  return { event: field('event') || 'message', data: field('data') };
}

/** Opens `path` on the app's HTTP server with `headers`; resolves once the response head arrived. */
export async function openSse(app: INestApplication, path: string, headers: Record<string, string>): Promise<SseConnection> {
  const server = app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const events: ReceivedEvent[] = [];
  const waiters = new Set<() => void>();
  const req = request({ host: '127.0.0.1', port, path, headers: { Accept: 'text/event-stream', ...headers } });
  const res = await new Promise<IncomingMessage>((resolve, reject) => req.on('response', resolve).on('error', reject).end());
  let buffer = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      events.push(parseBlock(buffer.slice(0, end)));
      buffer = buffer.slice(end + 2);
      waiters.forEach((w) => w());
    }
  });
  res.on('error', () => undefined);
  req.on('error', () => undefined);
  return {
    status: res.statusCode ?? 0,
    events,
    next(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      req.destroy();
    },
  };
}
