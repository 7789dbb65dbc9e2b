import { variableNameSchema } from '@tandem/journey-model';
import { defineNode, findOutboundHttpError, interpolate, scopeOf, type HttpRequest, type NodeContext } from '@tandem/node-sdk';
import { z } from 'zod';
import { fillJsonTemplate, keptBody } from './json-template.util';

const httpConfigSchema = z
  .strictObject({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
    /** May use placeholders; inserted values are URL-encoded, except `{{credential.*}}`. */
    url: z.string().trim().min(1).max(2000),
    headers: z
      .array(z.strictObject({ name: z.string().regex(/^[A-Za-z0-9-]+$/, 'a header name such as X-Api-Key'), value: z.string().max(4000) }))
      .max(30)
      .default([]),
    bodyType: z.enum(['none', 'json', 'text']).default('none'),
    /** JSON (for `json`, string values may hold placeholders) or text with placeholders. */
    body: z.string().max(100_000).optional(),
    /** Name of a credential; its fields are available as `{{credential.<field>}}`. */
    credential: z.string().min(1).max(100).optional(),
    timeoutMs: z.number().int().min(1_000).max(30_000).default(10_000),
    /** Stores `{ status, body }` of the response in `vars.<saveAs>`. */
    saveAs: variableNameSchema.optional(),
  })
  .superRefine((config, ctx) => {
    if (config.bodyType !== 'none' && config.body === undefined)
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'give a body or set the body type to none' });
    if (config.bodyType !== 'none' && config.method === 'GET')
      ctx.addIssue({ code: 'custom', path: ['bodyType'], message: 'a GET request has no body' });
    if (config.bodyType === 'json' && config.body !== undefined && !isJson(config.body)) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'not valid JSON' });
    }
  });

type HttpConfig = z.infer<typeof httpConfigSchema>;

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

async function buildRequest(ctx: NodeContext, config: HttpConfig): Promise<HttpRequest | { invalidUrl: true }> {
  const credential = config.credential ? await ctx.credentials.get(config.credential) : {};
  const scope = { ...scopeOf(ctx), credential };
  const url = interpolate(config.url, scope, {
    encode: (value, path) => (path.startsWith('credential.') ? value : encodeURIComponent(value)),
  });
  if (!URL.canParse(url) || !['http:', 'https:'].includes(new URL(url).protocol)) return { invalidUrl: true };
  const headers = Object.fromEntries(config.headers.map((h) => [h.name, interpolate(h.value, scope)]));
  const request: HttpRequest = { method: config.method, url, headers, timeoutMs: config.timeoutMs };
  if (config.bodyType === 'json' && config.body !== undefined) {
    request.body = fillJsonTemplate(JSON.parse(config.body), scope);
    headers['Content-Type'] ??= 'application/json';
  } else if (config.bodyType === 'text' && config.body !== undefined) {
    request.body = interpolate(config.body, scope);
  }
  return request;
}

/**
 * What the `error` port carries when no answer came: the outbound guard's own message
 * (written for the journey's author: "the address 127.0.0.1 is private and not allowed")
 * and code, else only the host. Never the URL or the system's error text: a URL may hold
 * a credential, and error text describes the inside of the worker.
 */
function failureOutput(error: unknown, url: string): { error: string; code?: string } {
  const refused = findOutboundHttpError(error);
  if (refused) return { error: refused.message, code: refused.code };
  return { error: `the request to ${new URL(url).hostname} failed` };
}

/**
 * `core.http-request@1`: calls an HTTP API through `ctx.http` — the outbound guard: no
 * private or reserved addresses unless allowlisted, at most 5 redirects, answers up to
 * 1 MB (docs/security.md, "Outbound HTTP"). Ports: `main` for a 2xx answer, `error` for
 * any other status, a refused address, a network failure or timeout, or a URL that is not
 * http(s) after filling placeholders. The response (`status`, `body`, bodies over 64 KB
 * cut) is the step output and, with `saveAs`, a run variable.
 */
export const httpRequestNode = defineNode({
  type: 'core.http-request',
  version: 1,
  label: 'HTTP request',
  category: 'Integrations',
  icon: 'globe',
  description: 'Calls an external API and continues on success or error; the response can be saved to a variable.',
  config: httpConfigSchema,
  ports: ['main', 'error'],
  async run(ctx, config) {
    const request = await buildRequest(ctx, config);
    if ('invalidUrl' in request) return { port: 'error', output: { error: 'only http and https addresses can be called' } };
    let response;
    try {
      response = await ctx.http.request(request);
    } catch (error) {
      ctx.logger.warn('http request failed without a response', { method: request.method, host: new URL(request.url).host });
      return { port: 'error', output: failureOutput(error, request.url) };
    }
    const result = { status: response.status, ...keptBody(response.body) };
    const ok = response.status >= 200 && response.status < 300;
    return { port: ok ? 'main' : 'error', output: result, ...(config.saveAs ? { variables: { [config.saveAs]: result } } : {}) };
  },
});
