import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiExtension, ApiForbiddenResponse, ApiNotFoundResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@tandem/api-contract';

export const REQUIRED_PERMISSION = 'tandem:permission';

/** Any member of the workspace, whatever the role (who am I, my sessions, my password). */
export const ANY_MEMBER = 'member';

/** What a route declares: a permission of the matrix, or {@link ANY_MEMBER}. */
export type RouteAccess = Permission | typeof ANY_MEMBER;

/**
 * The permission a route requires; the guard refuses every route without one (or `@Public()`).
 * It is written into the OpenAPI document as `x-tandem-permission`, from which the
 * authorization matrix test is generated.
 */
export const RequirePermission = (permission: RouteAccess): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiExtension('x-tandem-permission', permission),
    ApiCookieAuth(),
    ApiUnauthorizedResponse({ description: 'No valid session or API token' }),
    ApiForbiddenResponse({ description: `The caller's role lacks ${permission}` }),
    ApiNotFoundResponse({ description: 'Not found in the caller’s workspace' }),
  );
