import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GraphError } from '../graph/graph-error';

/**
 * One error format per surface: Graph paths answer in Meta's `{ error: { … } }` shape,
 * `/_sim` control paths in Nest's `{ statusCode, message, … }` shape.
 */
@Catch()
export class SimExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    if (exception instanceof GraphError) {
      response.status(exception.httpStatus).json(exception.toBody());
      return;
    }
    const isControl = request.path.startsWith('/_sim');
    if (exception instanceof HttpException) {
      if (isControl) {
        response.status(exception.getStatus()).json(exception.getResponse());
        return;
      }
      const graph =
        exception.getStatus() === 404
          ? new GraphError(100, `Unknown path components: ${request.path}`)
          : new GraphError(100, exception.message);
      response.status(graph.httpStatus).json(graph.toBody());
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (isControl) response.status(500).json({ statusCode: 500, message: 'Internal simulator error' });
    else response.status(500).json(new GraphError(131000).toBody());
  }
}
