import type { UserRole } from '../users/app-user.entity.js';

/** Who is making the request, as the guards and services see it. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
}

/** The actor of a write, for the audit trail: the user and the request. */
export interface Actor {
  user: AuthUser;
  requestId: string;
}
