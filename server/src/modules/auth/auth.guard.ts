import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserRole } from '../users/app-user.entity.js';
import { ROLES_KEY, type AuthenticatedRequest } from './auth.decorators.js';
import { CrossSiteRequestException, ForbiddenRoleException, UnauthenticatedException } from './auth.exception.js';
import { AuthService } from './auth.service.js';

export const SESSION_COOKIE = 'monitor_session';
/**
 * A readable companion of the session cookie that holds no secret, only "1": it lets the page skip asking
 * `/auth/me` when nobody is signed in, so public visitors make no request that is bound to fail.
 */
export const SIGNED_IN_HINT_COOKIE = 'monitor_signed_in';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session token from the cookie or from `Authorization: Bearer …`, and where it came from. */
export function sessionToken(request: AuthenticatedRequest): { token: string; via: 'cookie' | 'bearer' } | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = (request.cookies as Record<string, string | undefined> | undefined)?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

/**
 * Runs on every request: finds the user of the session (if any) and enforces `@Roles(...)`. A write that rides
 * on the cookie must come from this site (SameSite=Strict already keeps other sites' requests cookie-less; the
 * Origin check is the second lock).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const found = sessionToken(request);
    if (found) {
      request.user = await this.auth.resolve(found.token);
      if (request.user && found.via === 'cookie' && !SAFE_METHODS.has(request.method)) {
        const origin = request.headers.origin ?? request.headers.referer;
        if (origin && new URL(origin).host !== request.headers.host) throw new CrossSiteRequestException();
      }
    }
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles) return true;
    if (!request.user) throw new UnauthenticatedException();
    if (!roles.includes(request.user.role)) throw new ForbiddenRoleException();
    return true;
  }
}
