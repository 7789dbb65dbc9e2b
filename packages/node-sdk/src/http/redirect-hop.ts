import type { HttpRequest } from '../context.types';
import { OutboundHttpError } from './outbound-http-error';

/** One request of a redirect chain. */
export interface Hop {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The `Location` of a redirect answer, or undefined for any other answer. */
export function redirectLocation(status: number, headers: Record<string, string | string[] | undefined>): string | undefined {
  const location = headers['location'];
  if (!REDIRECTS.has(status) || location === undefined) return undefined;
  return Array.isArray(location) ? location[0] : location;
}

/** The first hop: JSON-encodes an object body and sets its content type unless the author did. */
export function firstHop(request: HttpRequest, url: URL): Hop {
  const headers = { ...request.headers };
  if (request.body === undefined) return { method: request.method, url, headers };
  if (typeof request.body === 'string') return { method: request.method, url, headers, body: request.body };
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  return { method: request.method, url, headers, body: JSON.stringify(request.body) };
}

/**
 * The request a redirect asks for, as browsers make it: 303 (and 301/302 after a POST)
 * becomes a GET without body; 307/308 repeat the method and body. Leaving the origin drops
 * every header the author set — they may carry a credential meant for the first host.
 */
export function nextHop(hop: Hop, status: number, location: string): Hop {
  let url: URL;
  try {
    url = new URL(location, hop.url);
  } catch {
    throw new OutboundHttpError('invalid_url', `${hop.url.hostname} redirected to an address that is not valid`, {
      host: hop.url.hostname,
    });
  }
  const headers = url.origin === hop.url.origin ? { ...hop.headers } : {};
  const toGet = status === 303 ? hop.method !== 'GET' : (status === 301 || status === 302) && hop.method === 'POST';
  if (!toGet) return { method: hop.method, url, headers, body: hop.body };
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-type') delete headers[name];
  return { method: 'GET', url, headers };
}
