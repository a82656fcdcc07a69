import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import { BEARER_SCHEME, SESSION_SCHEME } from '../../common/http/openapi-document.js';
import { USER_ROLES, type UserRole } from '../users/app-user.entity.js';
import type { Actor, AuthUser } from './auth-user.js';

export const ROLES_KEY = 'monitor:roles';
/** The OpenAPI extension that lists, on an operation, the roles `@Roles(...)` lets through. */
export const ROLES_EXTENSION = 'x-roles';

/**
 * Only these roles may call the handler (checked on the server by RolesGuard): 401 signed out, 403 other roles.
 * The OpenAPI document says so: the operation needs the session (cookie or bearer token), lists the roles in
 * `x-roles` (test/authorization-matrix.e2e-spec.ts checks every role against it) and may answer 401/403.
 */
export const Roles = (...roles: UserRole[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiExtension(ROLES_EXTENSION, roles),
    ApiSecurity(SESSION_SCHEME),
    ApiSecurity(BEARER_SCHEME),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'UNAUTHENTICATED: no valid session' }),
    ...(roles.length < USER_ROLES.length
      ? [ApiForbiddenResponse({ type: ErrorResponseDto, description: `FORBIDDEN: only for ${roles.join(', ')}` })]
      : []),
  );

export const SAME_SITE_KEY = 'monitor:same-site';

/**
 * The handler refuses a request from another site (a foreign `Origin` or `Referer`: 403) even when it carries no
 * session, as every cookie write is refused: for sign-in and sign-out, which another site must not do in the
 * user's browser (login CSRF). A request that names no origin (a script, curl) is let through, as for writes.
 */
export const SameSiteOnly = () =>
  applyDecorators(
    SetMetadata(SAME_SITE_KEY, true),
    ApiForbiddenResponse({
      type: ErrorResponseDto,
      description: 'CROSS_SITE_REQUEST: sent from another site, or with an unreadable Origin or Referer',
    }),
  );

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

/** The signed-in user, or undefined for the public. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthUser | undefined =>
    ctx.switchToHttp().getRequest<AuthenticatedRequest>().user,
);

/** The signed-in user and the request id, for audit records. Use on handlers guarded by @Roles. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  return { user: request.user!, requestId: String(request.id) };
});
