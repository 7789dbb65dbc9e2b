import { BadRequestException } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

/** OpenAPI 3.0 schema of a zod request schema, for `@ApiBody({ schema })`. */
export function openApi(schema: z.ZodType): SchemaObject {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as SchemaObject;
}

/** Validates a control-API body or query; bad input is a 400 listing every issue and changes nothing. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what = 'request body'): z.output<T> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `Invalid ${what}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}
