import { z } from 'zod';
import { GraphError } from './graph-error';
import { SEND_SCHEMAS, SendRequest, SendType, markReadSchema } from './send-request.schema';

export type MarkReadRequest = z.infer<typeof markReadSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (!isRecord(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function pathText(path: PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

/** Zod issues → Graph codes: missing field 131008, bad value 131009 (Meta's split). */
function toGraphError(error: z.ZodError, body: unknown): GraphError {
  const issue = error.issues[0];
  const where = pathText(issue.path);
  if (issue.code === 'invalid_type' && valueAt(body, issue.path) === undefined) {
    return new GraphError(131008, `The parameter ${where} is required.`);
  }
  return new GraphError(131009, `${where || 'body'}: ${issue.message}`);
}

export function isMarkRead(body: unknown): boolean {
  return isRecord(body) && body.status === 'read';
}

export function parseMarkRead(body: unknown): MarkReadRequest {
  const parsed = markReadSchema.safeParse(body);
  if (!parsed.success) throw toGraphError(parsed.error, body);
  return parsed.data;
}

/**
 * Validates a send body. Envelope problems (product, recipient, unknown type) are code 100
 * like Graph's own parameter checks; content problems are 131008 / 131009.
 */
export function parseSendRequest(body: unknown): SendRequest {
  if (!isRecord(body)) throw new GraphError(100, 'The request body must be a JSON object.');
  if (body.messaging_product !== 'whatsapp')
    throw new GraphError(100, 'The parameter messaging_product is required and must be "whatsapp".');
  if (typeof body.to !== 'string' || body.to.length === 0) throw new GraphError(100, 'The parameter to is required.');
  const type = body.type ?? 'text';
  if (typeof type !== 'string' || !(type in SEND_SCHEMAS)) {
    throw new GraphError(100, `Param type must be one of {${Object.keys(SEND_SCHEMAS).join(', ')}} - got "${String(type)}".`);
  }
  const parsed = SEND_SCHEMAS[type as SendType].safeParse({ ...body, type });
  if (!parsed.success) throw toGraphError(parsed.error, body);
  return parsed.data;
}
