import { PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';

/** Validates a body, query or param with a zod schema; failures become 400 via ZodExceptionFilter. */
export class ZodPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    return this.schema.parse(value);
  }
}
