import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import type { HttpClientPort, HttpRequest, HttpResponse } from '../context.types';
import { blockedAddress, parseAddress, parseAllowlist, type HttpAllowlist } from './address-policy';
import { blockedMessage, guardedLookup, systemResolver, type HostResolver } from './guarded-lookup';
import { findOutboundHttpError, OutboundHttpError } from './outbound-http-error';
import { discardBody, readLimitedBody } from './read-limited-body';
import { firstHop, nextHop, redirectLocation, type Hop } from './redirect-hop';

/** Defaults of {@link createGuardedHttpClient}. */
export const HTTP_GUARD_DEFAULTS = {
  maxResponseBytes: 1024 * 1024,
  maxRedirects: 5,
  connectTimeoutMs: 5_000,
  timeoutMs: 10_000,
  maxTimeoutMs: 30_000,
} as const;

/** Options of {@link createGuardedHttpClient}; all optional, the defaults are the safe ones. */
export interface GuardedHttpOptions {
  /** Hosts and networks that may be called although private (`HTTP_ALLOW_HOSTS`, see `parseAllowlist`). */
  allow?: string | readonly string[] | HttpAllowlist;
  /** Largest response body read (default 1 MiB); a larger one fails the call. */
  maxResponseBytes?: number;
  /** Redirects followed per call (default 5). */
  maxRedirects?: number;
  /** Time to open a connection (default 5 s); the request's `timeoutMs` bounds the whole call. */
  connectTimeoutMs?: number;
  /** Name resolution (default: the system's). Tests inject one to make `evil.test` resolve to 127.0.0.1. */
  resolve?: HostResolver;
}

/** `ctx.http` with its connection pool; `close()` ends the pool's sockets. */
export interface GuardedHttpClient extends HttpClientPort {
  close(): Promise<void>;
}

/**
 * The one outbound HTTP client of Tandem: `ctx.http` of every node (the HTTP node
 * included) goes through it. It refuses non-public addresses (see `blockedAddress`) at
 * the moment of connecting — the socket's own `lookup` checks what it is about to connect
 * to — follows at most `maxRedirects` redirects itself, re-checking each one, stops
 * reading a body past `maxResponseBytes`, and bounds the whole call by its timeout.
 * Every failure is an {@link OutboundHttpError} with a message fit for a journey author.
 */
export function createGuardedHttpClient(options: GuardedHttpOptions = {}): GuardedHttpClient {
  const allow = typeof options.allow === 'object' && 'hosts' in options.allow ? options.allow : parseAllowlist(options.allow);
  const limits = { ...HTTP_GUARD_DEFAULTS, ...definedOnly(options) };
  const agent = new Agent({
    connect: { lookup: guardedLookup(options.resolve ?? systemResolver, allow), timeout: limits.connectTimeoutMs },
  });
  const send = (hop: Hop, signal: AbortSignal) =>
    undiciRequest(hop.url, {
      dispatcher: agent,
      method: hop.method as Dispatcher.HttpMethod,
      headers: hop.headers,
      body: hop.body,
      signal,
    });

  return {
    async request(request: HttpRequest): Promise<HttpResponse> {
      const timeoutMs = Math.min(request.timeoutMs ?? limits.timeoutMs, limits.maxTimeoutMs);
      const signal = AbortSignal.timeout(timeoutMs);
      let hop = firstHop(request, targetOf(request.url, allow));
      try {
        for (let redirects = 0; ; redirects++) {
          const answer = await send(hop, signal);
          const location = redirectLocation(answer.statusCode, answer.headers);
          if (location === undefined) return await toResponse(answer, hop.url.hostname, limits.maxResponseBytes);
          discardBody(answer.body);
          if (redirects >= limits.maxRedirects) {
            const host = hop.url.hostname;
            throw new OutboundHttpError('too_many_redirects', `${host} redirected more than ${limits.maxRedirects} times`, { host });
          }
          hop = nextHop(hop, answer.statusCode, location);
          targetOf(hop.url.href, allow);
        }
      } catch (error) {
        throw failureOf(error, hop.url.hostname, signal, timeoutMs);
      }
    },
    close: () => agent.close(),
  };
}

function definedOnly(options: GuardedHttpOptions): Partial<typeof HTTP_GUARD_DEFAULTS> {
  const { maxResponseBytes, maxRedirects, connectTimeoutMs } = options;
  return Object.fromEntries(Object.entries({ maxResponseBytes, maxRedirects, connectTimeoutMs }).filter(([, v]) => v !== undefined));
}

/**
 * Checks a URL before anything is sent: http(s) only, and an address written in the URL
 * (the socket never looks those up) must pass the policy. WHATWG URL parsing has already
 * turned `2130706433`, `0177.0.0.1`, `0x7f.1` and `127.1` into `127.0.0.1`.
 */
function targetOf(href: string, allow: HttpAllowlist): URL {
  if (!URL.canParse(href)) throw new OutboundHttpError('invalid_url', 'the address is not a valid web address');
  const url = new URL(href);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundHttpError('blocked_scheme', `only http and https addresses can be called, not ${url.protocol.slice(0, -1)}`);
  }
  const literal = parseAddress(url.hostname);
  const blocked = literal && blockedAddress(literal.toString(), url.hostname, allow);
  if (blocked) throw new OutboundHttpError('blocked_address', blockedMessage(blocked, blocked.address), { ...blocked, host: url.hostname });
  return url;
}

async function toResponse(answer: Dispatcher.ResponseData, host: string, limit: number): Promise<HttpResponse> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) headers[name] = [value].flat().join(', ');
  const text = (await readLimitedBody(answer.body, headers['content-length'], limit, host)).toString('utf8');
  let body: unknown = text;
  if ((headers['content-type'] ?? '').includes('json') && text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: answer.statusCode, headers, body };
}

/** Any failure as the guard's error: its own refusals as they are, the rest without system text. */
function failureOf(error: unknown, host: string, signal: AbortSignal, timeoutMs: number): OutboundHttpError {
  const own = findOutboundHttpError(error);
  if (own instanceof OutboundHttpError) return own;
  if (signal.aborted) {
    return new OutboundHttpError('timeout', `${host} did not answer within ${seconds(timeoutMs)}`, { host, timeoutMs });
  }
  if ((error as { code?: unknown } | undefined)?.code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new OutboundHttpError('timeout', `${host} did not accept a connection in time`, { host });
  }
  return new OutboundHttpError('unreachable', `${host} could not be reached`, { host });
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
