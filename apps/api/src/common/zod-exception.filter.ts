import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ZodError } from 'zod';

/** Invalid input is the caller's mistake: answer 400 with the issues, never 500. */
@Catch(ZodError)
export class ZodExceptionFilter implements ExceptionFilter {
  catch(error: ZodError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    res.status(400).json({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid input',
      issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
}
