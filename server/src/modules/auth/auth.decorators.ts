import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import { BEARER_SCHEME, SESSION_SCHEME } from '../../common/http/openapi-document.js';
import { USER_ROLES, type UserRole } from '../users/app-user.entity.js';
import type { Actor, AuthUser } from './auth-user.js';

export const ROLES_KEY = 'monitor:roles';

/**
 * Only these roles may call the handler (checked on the server by RolesGuard): 401 signed out, 403 other roles.
 * The OpenAPI document says so: the operation needs the session (cookie or bearer token) and may answer 401/403.
 */
export const Roles = (...roles: UserRole[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiSecurity(SESSION_SCHEME),
    ApiSecurity(BEARER_SCHEME),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'UNAUTHENTICATED: no valid session' }),
    ...(roles.length < USER_ROLES.length
      ? [ApiForbiddenResponse({ type: ErrorResponseDto, description: `FORBIDDEN: only for ${roles.join(', ')}` })]
      : []),
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
