import { CanActivate, ExecutionContext, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { ResolvedSimulatorOptions, SIM_OPTIONS } from '../simulator-options.types';
import { GraphError } from './graph-error';

const GRAPH_VERSION = /^v\d+\.\d+$/;

/**
 * Graph access checks: the bearer token (header, or `access_token` query like Graph allows)
 * must equal the configured one, and the path must start with an API version.
 */
@Injectable()
export class GraphAuthGuard implements CanActivate {
  constructor(@Inject(SIM_OPTIONS) private readonly options: ResolvedSimulatorOptions) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    // Graph's `/:version/:id` routes also match unknown control paths; those are plain 404s.
    if (request.params.version === '_sim') throw new NotFoundException(`No simulator endpoint ${request.method} ${request.path}`);
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const queryToken = typeof request.query.access_token === 'string' ? request.query.access_token : undefined;
    const token = match?.[1] ?? queryToken;
    if (!token) throw new GraphError(190, 'An access token is required: send Authorization: Bearer <token>.');
    if (token !== this.options.accessToken)
      throw new GraphError(190, 'Error validating access token: the token is not valid for this app.');
    const version = request.params.version;
    if (typeof version === 'string' && !GRAPH_VERSION.test(version)) {
      throw new GraphError(100, `Unknown path components: /${version} is not a Graph API version (expected e.g. v23.0).`);
    }
    return true;
  }
}
