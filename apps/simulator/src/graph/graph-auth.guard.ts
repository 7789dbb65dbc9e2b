import { CanActivate, ExecutionContext, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import { ResolvedSimulatorOptions, SIM_OPTIONS } from '../simulator-options.types';
import { SimStateService } from '../state/sim-state.service';
import { GraphError, unknownObjectError } from './graph-error';

const GRAPH_VERSION = /^v\d+\.\d+$/;

/** Who called: the app behind the token, and the one WABA a business token is limited to. */
export interface GraphCaller {
  appId: string;
  wabaId?: string;
}

/** The caller the guard resolved for this request. */
export function graphCaller(request: Request): GraphCaller {
  return (request as Request & { graphCaller: GraphCaller }).graphCaller;
}

/**
 * Graph access checks: the bearer token (header, or `access_token` query like Graph allows)
 * must be the configured system token or a business token from Embedded Signup — which opens
 * only its own WABA and that WABA's numbers — and the path must start with an API version.
 */
@Injectable()
export class GraphAuthGuard implements CanActivate {
  constructor(
    @Inject(SIM_OPTIONS) private readonly options: ResolvedSimulatorOptions,
    private readonly state: SimStateService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    // Graph's `/:version/:id` routes also match unknown control paths; those are plain 404s.
    if (request.params.version === '_sim') throw new NotFoundException(`No simulator endpoint ${request.method} ${request.path}`);
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const queryToken = typeof request.query.access_token === 'string' ? request.query.access_token : undefined;
    const token = match?.[1] ?? queryToken;
    if (!token) throw new GraphError(190, 'An access token is required: send Authorization: Bearer <token>.');
    const caller = this.callerOf(token);
    const version = request.params.version;
    if (typeof version === 'string' && !GRAPH_VERSION.test(version)) {
      throw new GraphError(100, `Unknown path components: /${version} is not a Graph API version (expected e.g. v23.0).`);
    }
    const target = request.params.phoneNumberId ?? request.params.wabaId ?? request.params.objectId;
    if (caller.wabaId && typeof target === 'string' && !this.opens(caller.wabaId, target)) throw unknownObjectError(target);
    (request as Request & { graphCaller: GraphCaller }).graphCaller = caller;
    return true;
  }

  private callerOf(token: string): GraphCaller {
    if (token === this.options.accessToken) return { appId: this.options.appId };
    const business = this.state.businessTokens.get(token);
    if (!business) throw new GraphError(190, 'Error validating access token: the token is not valid for this app.');
    return { appId: business.appId, wabaId: business.wabaId };
  }

  /** The WABA itself, its numbers, and media (not tied to a WABA in the simulator). */
  private opens(wabaId: string, target: string): boolean {
    if (target === wabaId || this.state.media.has(target)) return true;
    return this.state.numbers.get(target)?.wabaId === wabaId;
  }
}
