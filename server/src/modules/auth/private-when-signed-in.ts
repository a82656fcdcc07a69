import type { FastifyReply } from 'fastify';
import type { AuthUser } from './auth-user.js';

/**
 * For reads that answer signed-in users with more (drafts, internal notes, names): such an answer must never be
 * stored by a shared cache, and every answer varies with the credentials.
 */
export function privateWhenSignedIn(reply: FastifyReply, user: AuthUser | undefined): void {
  void reply.header('vary', 'Cookie, Authorization');
  if (user) void reply.header('cache-control', 'private, no-store');
}
