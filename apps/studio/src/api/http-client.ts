import type { z } from 'zod';

/** Query values; `undefined` and empty strings are left out of the URL. */
export type QueryParams = Record<string, string | number | boolean | undefined | null>;

/** A failed request: HTTP status, the server's message and, for 4xx, its `issues`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** `issues` of a 400/422 answer (validation or publish refusal), else `[]`. */
  get issues(): unknown[] {
    const body = this.body as { issues?: unknown } | null;
    return body && Array.isArray(body.issues) ? body.issues : [];
  }
}

/** Builds `path?query` leaving out empty values. */
export function withQuery(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** First validation problems of a 400 body (`issues: [{ path, message }]`), as `path: message`. */
function issueSummary(body: object): string {
  const issues = (body as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return '';
  const parts = issues.slice(0, 3).flatMap((i: unknown) => {
    if (!i || typeof i !== 'object' || typeof (i as { message?: unknown }).message !== 'string') return [];
    const { path, message } = i as { path?: unknown; message: string };
    const where = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
    return [where ? `${where}: ${message}` : message];
  });
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/** Turns an error body (`{ message: string | string[], issues? }` or text) into one readable sentence. */
export function errorMessage(status: number, body: unknown): string {
  if (body && typeof body === 'object' && 'message' in body) {
    const message = (body as { message: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    if (typeof message === 'string') return message + issueSummary(body);
  }
  if (typeof body === 'string' && body.trim()) return body.trim().slice(0, 300);
  return `Request failed with status ${status}`;
}

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Send `body` (a string) as is with this content type instead of JSON (e.g. `text/csv`). */
  contentType?: string;
  query?: QueryParams;
  /** Response schema; the answer is parsed with it so a contract drift fails loudly here. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  /**
   * A signed-in request (default true): carries the workspace header, and a 401 means the
   * session is gone. `false` for sign-in itself, the password reset, `/_sim` and `/health`.
   */
  auth?: boolean;
}

/** The header that picks one of the caller's workspaces (default: their oldest). */
export const WORKSPACE_HEADER = 'X-Tandem-Workspace';

export interface HttpClientOptions {
  /** The workspace every signed-in request acts in (null: the api's default). */
  getWorkspace: () => string | null;
  /** Called on 401 so the app can send the user back to sign-in. */
  onUnauthorized?: () => void;
  fetchImpl?: typeof fetch;
}

export type Request = <T = unknown>(path: string, options?: RequestOptions<T>) => Promise<T>;

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A JSON fetch wrapper: workspace header, query strings, error bodies as {@link ApiError}.
 * The session is the api's http-only cookie, which the browser sends by itself: the studio
 * never holds a credential script could read.
 */
export function createHttpClient(options: HttpClientOptions): Request {
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  return async function request<T>(path: string, req: RequestOptions<T> = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const workspace = req.auth === false ? null : options.getWorkspace();
    if (workspace) headers[WORKSPACE_HEADER] = workspace;
    const raw = req.contentType !== undefined && typeof req.body === 'string';
    if (req.body !== undefined) headers['Content-Type'] = raw ? (req.contentType as string) : 'application/json';
    const response = await fetchImpl(withQuery(path, req.query), {
      method: req.method ?? 'GET',
      headers,
      body: req.body === undefined ? undefined : raw ? (req.body as string) : JSON.stringify(req.body),
      signal: req.signal,
      credentials: 'same-origin',
    });
    const body = await readBody(response);
    if (!response.ok) {
      if (response.status === 401 && req.auth !== false) options.onUnauthorized?.();
      throw new ApiError(response.status, errorMessage(response.status, body), body);
    }
    if (!req.schema) return body as T;
    const parsed = req.schema.safeParse(body);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new ApiError(
        response.status,
        `Unexpected answer from ${path}: ${first?.path.join('.') || '(root)'} ${first?.message ?? ''}`,
        body,
      );
    }
    return parsed.data;
  };
}
