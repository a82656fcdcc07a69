import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserRole } from '../users/app-user.entity.js';
import { ROLES_KEY, SAME_SITE_KEY, type AuthenticatedRequest } from './auth.decorators.js';
import {
  CrossSiteRequestException,
  ForbiddenRoleException,
  UnauthenticatedException,
  UnreadableOriginException,
} from './auth.exception.js';
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
 * Refuses a request that says it comes from another site: its `Origin` (else its `Referer`) names another host
 * than the one it was sent to (403), or cannot be read as an address, like `Origin: null` from a sandboxed frame
 * (403 too). A request that names no origin at all (a script, curl) passes: a browser always names it on a
 * cross-site write.
 */
export function assertSameSite(request: AuthenticatedRequest): void {
  const origin = (request.headers.origin ?? request.headers.referer)?.trim();
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new UnreadableOriginException();
  }
  // `request.host` is the Host header, or X-Forwarded-Host from a proxy the operator trusts (TRUST_PROXY).
  if (host !== request.host) throw new CrossSiteRequestException();
}

/**
 * Runs on every request: finds the user of the session (if any) and enforces `@Roles(...)`. A write that rides
 * on the cookie must come from this site (SameSite=Strict already keeps other sites' requests cookie-less; the
 * Origin check is the second lock), and so must sign-in and sign-out (`@SameSiteOnly()`), cookie or not.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const found = sessionToken(request);
    if (found) request.user = await this.auth.resolve(found.token);
    const cookieWrite = request.user !== undefined && found?.via === 'cookie' && !SAFE_METHODS.has(request.method);
    if (cookieWrite || this.reflector.getAllAndOverride<boolean | undefined>(SAME_SITE_KEY, targets)) {
      assertSameSite(request);
    }
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, targets);
    if (!roles) return true;
    if (!request.user) throw new UnauthenticatedException();
    if (!roles.includes(request.user.role)) throw new ForbiddenRoleException();
    return true;
  }
}
