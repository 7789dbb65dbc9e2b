import { CanActivate, ExecutionContext, ForbiddenException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { IS_PUBLIC } from '../common/public.decorator';
import { setCaller } from './caller.decorator';
import { CredentialsService, type RequestOrigin } from './credentials.service';
import { ANY_MEMBER, REQUIRED_PERMISSION, type RouteAccess } from './permission.decorator';

/** The studio's session cookie (http-only, SameSite=Strict). */
export const SESSION_COOKIE = 'tandem_session';
/** Which of the caller's workspaces a request is about; without it, the caller's first. */
export const WORKSPACE_HEADER = 'x-tandem-workspace';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one guard in front of every route. A route is `@Public()` or declares the permission
 * it needs with `@RequirePermission()`; a route that declares neither is refused, so a
 * forgotten declaration fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly credentials: CredentialsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const required = this.reflector.getAllAndOverride<RouteAccess | undefined>(REQUIRED_PERMISSION, targets);
    if (!required) throw new ForbiddenException('This route declares no permission and is closed');
    const req = context.switchToHttp().getRequest<Request>();
    const caller = await this.resolve(req);
    if (!caller) throw new UnauthorizedException('Sign in, or send an API token as Authorization: Bearer <token>');
    if (required !== ANY_MEMBER && !caller.permissions.has(required)) {
      throw new ForbiddenException(`Your role (${caller.role}) may not do this: it needs the permission ${required}`);
    }
    setCaller(req, caller);
    return true;
  }

  private async resolve(req: Request) {
    const header = req.headers[WORKSPACE_HEADER];
    // Lower case: a token compares its workspace id as text, and UUIDs may arrive in either case.
    const workspace = (Array.isArray(header) ? header[0] : header)?.toLowerCase();
    if (workspace !== undefined && !UUID.test(workspace)) throw new NotFoundException('No such workspace');
    const origin: RequestOrigin = { ip: req.ip ?? null, userAgent: req.headers['user-agent']?.slice(0, 300) ?? null };
    const auth = req.headers.authorization ?? '';
    if (auth.startsWith('Bearer ')) return this.credentials.fromToken(auth.slice(7).trim(), workspace, origin);
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (cookie) return this.credentials.fromSession(cookie, workspace, origin);
    return null;
  }
}
