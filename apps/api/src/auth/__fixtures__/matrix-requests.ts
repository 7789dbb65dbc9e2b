import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import type { DeclaredRoute } from './openapi-routes';
import type { TestWorkspace } from './two-workspaces';
import type { WorkspaceResources } from './workspace-resources';

/** Credentials of one matrix column: none, a session cookie, or a bearer token. */
export interface Credentials {
  cookie?: string;
  authorization?: string;
}

export interface Answer {
  status: number;
  body: unknown;
  text: string;
}

/**
 * Which id fills `{param}`, by the path segment before it: a route whose path names a
 * resource must find one of workspace A's rows there. A new route with a parameter not
 * listed here fails the matrix until its fixture is added.
 */
function pathIds(ws: TestWorkspace, r: WorkspaceResources): Record<string, string> {
  return {
    'journeys/{id}': r.journeyId,
    'versions/{version}': '1',
    'runs/{id}': r.runId,
    'contacts/{id}': r.contactId,
    'numbers/{id}': ws.numberId,
    'campaigns/{id}': r.campaignId,
    'webhook-deliveries/{id}': r.deliveryId,
    'dead-letters/{id}': r.deadLetterId,
    'sessions/{id}': r.otherSessionId,
    'api-tokens/{id}': r.spareTokenId,
    'members/{userId}': r.spareMemberId,
    'credentials/{name}': r.credentialName,
    'media/{id}': r.mediaId,
    'conversations/{contactId}': r.contactId,
    'alert-endpoints/{id}': r.alertEndpointId,
  };
}

/** Required query parameters, by name. */
const queryIds = (ws: TestWorkspace): Record<string, string> => ({ numberId: ws.numberId });

/**
 * Minimal valid bodies, so that a write reaches the service (where a foreign id answers 404)
 * instead of stopping at validation. Routes not listed get `{}`. (The REST fuzzer mutates them.)
 */
export function bodies(r: WorkspaceResources, contactId: string): Record<string, () => object> {
  return {
    'POST /api/journeys': () => ({ name: 'Matrix journey' }),
    'PATCH /api/journeys/{id}': () => ({ name: 'Welcome' }),
    'PUT /api/journeys/{id}/draft': () => ({ document: r.document }),
    'POST /api/journeys/{id}/rollback': () => ({ version: 1 }),
    'POST /api/journeys/{id}/runs': () => ({ contactId }),
    'PATCH /api/numbers/{id}': () => ({ throughputCap: 20 }),
    'POST /api/members': () => ({ email: `matrix-${randomUUID().slice(0, 8)}@test.tandem`, role: 'viewer' }),
    'PATCH /api/members/{userId}': () => ({ role: 'viewer' }),
    'POST /api/api-tokens': () => ({ name: 'matrix', role: 'viewer' }),
    'PUT /api/credentials/{name}': () => ({ value: { apiKey: 'matrix-api-key' } }),
    'POST /api/workspaces': () => ({ name: 'Matrix workspace' }),
    'PATCH /api/workspace': () => ({ name: 'Acme' }),
    'PUT /api/workspace/conversation-settings': () => ({ botReturnsAfterHours: 12 }),
    'POST /api/inbox/conversations/{contactId}/replies': () => ({ text: 'Matrix reply' }),
    'PUT /api/inbox/conversations/{contactId}/assignee': () => ({ userId: null }),
    'PUT /api/inbox/conversations/{contactId}/tags': () => ({ tags: ['matrix'] }),
    'POST /api/inbox/conversations/{contactId}/notes': () => ({ body: 'Matrix note' }),
    'PUT /api/inbox/conversations/{contactId}/read': () => ({ read: true }),
    'POST /api/contacts/{id}/opt-in': () => ({ scope: 'all', reason: 'matrix' }),
    'POST /api/contacts/{id}/opt-out': () => ({ reason: 'matrix' }),
    'PATCH /api/contacts/{id}': () => ({ tags: ['matrix'] }),
    'POST /api/templates': () => ({
      numberId: r.numberId,
      name: `matrix_${randomUUID().slice(0, 8)}`,
      language: 'en_US',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Your order has shipped.' }],
    }),
    'POST /api/alert-endpoints': () => ({ url: 'https://alerts.example.com/matrix' }),
    'PATCH /api/alert-endpoints/{id}': () => ({ enabled: true }),
    'POST /api/alerts/read': () => ({ all: true }),
  };
}

/** Routes that answer a server-sent event stream: the matrix reads their head, then hangs up. */
const STREAMS = new Set(['/api/inbox/events']);

/** The status of a stream route (and the body of a refusal); an open stream is closed at once. */
async function streamAnswer(app: INestApplication, path: string, creds: Credentials): Promise<Answer> {
  const server = app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if (creds.cookie) headers.Cookie = creds.cookie;
  if (creds.authorization) headers.Authorization = creds.authorization;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      const status = res.statusCode ?? 0;
      if (status === 200) {
        req.destroy();
        return resolve({ status, body: {}, text: '' });
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status, body: text ? JSON.parse(text) : {}, text }));
    });
    req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
    req.end();
  });
}

/** Turns a declared route into a request against workspace A's rows. */
export function matrixRequester(app: INestApplication, ws: TestWorkspace, r: WorkspaceResources) {
  const ids = pathIds(ws, r);
  const query = queryIds(ws);
  const body = bodies(r, r.contactId);
  function url(route: DeclaredRoute): string {
    const path = route.path.replace(/([\w-]+)\/\{(\w+)\}/g, (whole, segment: string, param: string) => {
      const id = ids[`${segment}/{${param}}`];
      if (!id) throw new Error(`No fixture for ${whole} in ${route.path}: add one to matrix-requests.ts`);
      return `${segment}/${id}`;
    });
    const qs = route.requiredQuery.map((name) => {
      if (!query[name]) throw new Error(`No fixture for the query parameter ${name} of ${route.path}`);
      return `${name}=${encodeURIComponent(query[name])}`;
    });
    return qs.length ? `${path}?${qs.join('&')}` : path;
  }
  /** `send` replaces the route's minimal body (the REST fuzzer's bodies). */
  return async function call(route: DeclaredRoute, creds: Credentials, send?: { body: unknown }): Promise<Answer> {
    if (STREAMS.has(route.path)) return streamAnswer(app, url(route), creds);
    const server = request(app.getHttpServer());
    let req = server[route.method.toLowerCase() as 'get'](url(route));
    if (creds.cookie) req = req.set('Cookie', creds.cookie);
    if (creds.authorization) req = req.set('Authorization', creds.authorization);
    if (send) req = req.set('Content-Type', 'application/json').send(JSON.stringify(send.body) ?? '');
    else if (route.method !== 'GET') req = req.send(body[`${route.method} ${route.path}`]?.() ?? {});
    const res = await req;
    return { status: res.status, body: res.body, text: res.text };
  };
}
