import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';

/**
 * Evaluation reads answer differently for signed-in users (drafts, internal notes, evaluators): such an answer
 * must never be stored by a shared cache, and every answer varies with the credentials.
 */
export function privateWhenSignedIn(reply: FastifyReply, user: AuthUser | undefined): void {
  void reply.header('vary', 'Cookie, Authorization');
  if (user) void reply.header('cache-control', 'private, no-store');
}
