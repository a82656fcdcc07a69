import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { UserRole } from '../users/app-user.entity.js';
import type { Actor, AuthUser } from './auth-user.js';

export const ROLES_KEY = 'monitor:roles';

/** Only these roles may call the handler (checked on the server by RolesGuard): 401 signed out, 403 other roles. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES_KEY, roles);

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
