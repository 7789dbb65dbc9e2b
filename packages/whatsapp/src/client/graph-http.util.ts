import type { z } from 'zod';
import { INVALID_RESPONSE_CODE, MISSING_TOKEN_CODE, NETWORK_ERROR_CODE } from './error-codes';
import { GraphApiError } from './graph-api-error';
import { graphErrorBodySchema } from './graph-responses.schema';

/** What a Graph call is about: the number it acts for, or the WABA it reads (picks the token). */
export interface GraphScope {
  phoneNumberId?: string;
  wabaId?: string;
}

/** Finds the access token for a call (the WABA's business token); see `WhatsAppClientOptions.accessToken`. */
export type GraphTokenSource = (scope: GraphScope) => string | Promise<string>;

/** Connection settings shared by every Graph call of one client. */
export interface GraphTransport {
  baseUrl: string;
  graphVersion: string;
  token: GraphTokenSource;
  fetch: typeof fetch;
  timeoutMs: number;
}

export interface GraphRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path under `/{version}/`, or an absolute URL on the same origin (Graph `paging.next`). */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** A multipart body (media upload) instead of a JSON `body`; fetch sets its boundary. */
  form?: FormData;
  attempt?: number;
  /** Picks the token; omitted for calls that carry none (the code exchange). */
  scope?: GraphScope;
  /** Send no Authorization header (the code exchange authenticates with the app secret). */
  anonymous?: boolean;
}

/** Builds the request URL; refuses absolute URLs on another origin so the token never leaks. */
export function graphUrl(transport: GraphTransport, path: string, query?: Record<string, string>): URL {
  const base = new URL(transport.baseUrl);
  const url = /^https?:\/\//.test(path)
    ? new URL(path)
    : new URL(`${base.pathname.replace(/\/$/, '')}/${transport.graphVersion}/${path.replace(/^\//, '')}`, base);
  if (url.origin !== base.origin) {
    throw new GraphApiError({ code: INVALID_RESPONSE_CODE, details: `refusing to call ${url.origin} with the Graph token` });
  }
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url;
}

/** Performs an authenticated call; resolves to the JSON body or throws a classified `GraphApiError`. */
export async function graphRequest(transport: GraphTransport, request: GraphRequest): Promise<unknown> {
  const url = graphUrl(transport, request.path, request.query);
  const headers: Record<string, string> = request.anonymous ? {} : { Authorization: `Bearer ${await tokenOf(transport, request.scope)}` };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  const body = request.form ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  const response = await send(transport, url, { method: request.method, headers, body }, request.attempt);
  const text = await response.text();
  const json = parseJson(text);
  if (!response.ok) throw errorFromBody(json, response.status, request.attempt);
  if (json === undefined) {
    throw new GraphApiError({ code: INVALID_RESPONSE_CODE, httpStatus: response.status, details: 'response is not JSON' });
  }
  return json;
}

/** Raw authenticated GET (media download); errors are classified like Graph calls. */
export async function graphDownload(transport: GraphTransport, url: string, scope: GraphScope = {}): Promise<Response> {
  const response = await send(transport, new URL(url), {
    method: 'GET',
    headers: { Authorization: `Bearer ${await tokenOf(transport, scope)}` },
  });
  if (!response.ok) throw errorFromBody(parseJson(await response.text()), response.status);
  return response;
}

/** Validates a success body; an unexpected shape is an `INVALID_RESPONSE_CODE` error. */
export function expectShape<S extends z.ZodType>(schema: S, json: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new GraphApiError({ code: INVALID_RESPONSE_CODE, details: `unexpected ${what} response` });
  }
  return parsed.data;
}

/** A token source that fails is a configuration error of this call, classified like the rest. */
async function tokenOf(transport: GraphTransport, scope: GraphScope = {}): Promise<string> {
  try {
    return await transport.token(scope);
  } catch (cause) {
    const details = cause instanceof Error ? cause.message : 'no access token';
    throw new GraphApiError({ code: MISSING_TOKEN_CODE, details, cause });
  }
}

async function send(transport: GraphTransport, url: URL, init: RequestInit, attempt?: number): Promise<Response> {
  try {
    return await transport.fetch(url, { ...init, signal: AbortSignal.timeout(transport.timeoutMs) });
  } catch (cause) {
    throw new GraphApiError({ code: NETWORK_ERROR_CODE, details: `request to ${url.origin} failed`, attempt, cause });
  }
}

function errorFromBody(json: unknown, httpStatus: number, attempt?: number): GraphApiError {
  const parsed = graphErrorBodySchema.safeParse(json);
  if (!parsed.success) {
    return new GraphApiError({
      code: INVALID_RESPONSE_CODE,
      httpStatus,
      details: `HTTP ${httpStatus} without a Graph error body`,
      attempt,
    });
  }
  const e = parsed.data.error;
  return new GraphApiError({
    code: e.code,
    subcode: e.error_subcode,
    httpStatus,
    details: e.error_data?.details,
    fbtraceId: e.fbtrace_id,
    attempt,
  });
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
