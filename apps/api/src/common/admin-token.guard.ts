import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { loadConfig } from '@tandem/config';
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { IS_PUBLIC } from './public.decorator';

/** Single admin bearer token for every non-public route until roles land. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly token = Buffer.from(loadConfig(['app']).TANDEM_ADMIN_TOKEN);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    if (given.length === this.token.length && timingSafeEqual(given, this.token)) return true;
    throw new UnauthorizedException('A valid admin token is required (Authorization: Bearer <TANDEM_ADMIN_TOKEN>)');
  }
}
