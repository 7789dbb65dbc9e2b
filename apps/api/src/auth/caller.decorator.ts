import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Caller } from './caller.types';

/** The request's {@link Caller} (set by the auth guard; every non-public route has one). */
export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const caller = (ctx.switchToHttp().getRequest<Request>() as Request & { caller?: Caller }).caller;
  if (!caller) throw new Error('No caller on a route that requires one: is the route @Public()?');
  return caller;
});

export function setCaller(req: Request, caller: Caller): void {
  (req as Request & { caller?: Caller }).caller = caller;
}
