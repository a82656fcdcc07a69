import type { EntityManager } from 'typeorm';
import type { AuthUser } from './auth-user.js';

/** The SQL of signing in and out: accounts (`app_user`) and server-side sessions (`user_session`, by token hash). */

export interface SignInUserRow extends AuthUser {
  passwordHash: string;
  isActive: boolean;
}

/** The account with this (normalised, lower-case) username, with what a sign-in checks. */
export async function selectUserForSignIn(db: EntityManager, username: string): Promise<SignInUserRow | undefined> {
  const rows = await db.query<SignInUserRow[]>(
    `SELECT id, username, display_name AS "displayName", role, password_hash AS "passwordHash", is_active AS "isActive"
     FROM app_user WHERE username = $1`,
    [username],
  );
  return rows[0];
}

/** Opens a session; returns its id. */
export async function insertUserSession(
  db: EntityManager,
  session: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<string> {
  const [row] = await db.query<Array<{ id: string }>>(
    `INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, $3) RETURNING id`,
    [session.tokenHash, session.userId, session.expiresAt],
  );
  return row!.id;
}

export async function markSignedIn(db: EntityManager, userId: string): Promise<void> {
  await db.query(`UPDATE app_user SET last_sign_in_at = now() WHERE id = $1`, [userId]);
}

/** Ends the live session with this token hash; returns its id, or undefined when there was none. */
export async function revokeUserSession(db: EntityManager, tokenHash: string): Promise<string | undefined> {
  // Wrapped in a CTE: TypeORM returns [rows, count] for a bare UPDATE … RETURNING, plain rows for a SELECT.
  const rows = await db.query<Array<{ id: string }>>(
    `WITH ended AS (UPDATE user_session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id)
     SELECT id FROM ended`,
    [tokenHash],
  );
  return rows[0]?.id;
}

/** The active user of a live (not revoked, not expired) session, or undefined. */
export async function selectSessionUser(db: EntityManager, tokenHash: string): Promise<AuthUser | undefined> {
  const rows = await db.query<AuthUser[]>(
    `SELECT u.id, u.username, u.display_name AS "displayName", u.role
     FROM user_session s JOIN app_user u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active`,
    [tokenHash],
  );
  return rows[0];
}
