import type { NextFunction, Request, Response } from 'express';

/**
 * Characters PostgreSQL cannot store: NUL (refused by `text`, and by `jsonb` as `\u0000`) and
 * UTF-16 surrogates without their pair (`jsonb` refuses the escape `JSON.stringify` writes for
 * them; `text` would silently get U+FFFD). Matched per code unit, hence no `u` flag.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Deeper than any body the api declares (a journey document or a segment nests a dozen levels):
 * past it, serializing the value for a `jsonb` column could exhaust the stack.
 */
export const MAX_INPUT_DEPTH = 64;

export interface InputProblem {
  /** Where, e.g. `body.document.nodes.0.config.text` or `query.search`. */
  path: string;
  message: string;
}

/** The first string or object key of `value` that cannot be stored, or a nesting past the limit. */
export function findInputProblem(value: unknown, root: string): InputProblem | undefined {
  // An explicit stack, not recursion: JSON.parse accepts nesting far deeper than the call stack.
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      const problem = textProblem(item.value);
      if (problem) return { path: item.path, message: problem };
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= MAX_INPUT_DEPTH) return { path: item.path, message: `input may not nest deeper than ${MAX_INPUT_DEPTH} levels` };
    for (const [key, child] of Object.entries(item.value)) {
      const path = `${item.path}.${printable(key)}`;
      const problem = textProblem(key);
      if (problem) return { path, message: `${problem} (in a key)` };
      stack.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return undefined;
}

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'text may not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'text may not contain unpaired UTF-16 surrogates';
  return undefined;
}

function printable(key: string): string {
  return JSON.stringify(key).slice(1, -1);
}

/**
 * The one guard for every REST route, after JSON parsing and before any guard, pipe or handler:
 * a body, query string or path naming text PostgreSQL refuses answers 400 with where, instead
 * of a 500 from the store (and nothing is written). The webhook's body is exempt: it is not
 * parsed here, its bytes are stored as they came, and `@tandem/whatsapp` cleans what it reads.
 */
export function refuseUnstorableInput(req: Request, res: Response, next: NextFunction): void {
  const problem = /%00/i.test(req.path)
    ? { path: 'path', message: 'text may not contain NUL characters' }
    : (findInputProblem(req.query, 'query') ?? findInputProblem(req.body, 'body'));
  if (!problem) return next();
  res.status(400).json({
    statusCode: 400,
    error: 'Bad Request',
    message: `${problem.message} (${problem.path})`,
    issues: [problem],
  });
}
