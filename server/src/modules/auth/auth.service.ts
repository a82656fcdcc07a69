import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { verifyPassword } from '../users/password.js';
import type { UserRole } from '../users/app-user.entity.js';
import { normalizeText } from '../../common/text/normalize-text.js';
import type { AuthUser } from './auth-user.js';
import { BadCredentialsException } from './auth.exception.js';

export const SESSION_HOURS = 12;

/** A hash that costs as much as a real check, so unknown usernames take as long as wrong passwords. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Checks the password and opens a session; returns its token (for the cookie or a bearer header). */
  async signIn(
    usernameRaw: string,
    password: string,
    requestId: string,
  ): Promise<{ token: string; expiresAt: Date; user: AuthUser }> {
    const username = normalizeText(usernameRaw).toLowerCase();
    const rows = await this.dataSource.query<Array<AuthUser & { passwordHash: string; isActive: boolean }>>(
      `SELECT id, username, display_name AS "displayName", role, password_hash AS "passwordHash", is_active AS "isActive"
       FROM app_user WHERE username = $1`,
      [username],
    );
    const found = rows[0];
    const ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
    if (!found || !found.isActive || !ok) throw new BadCredentialsException();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    const user: AuthUser = { id: found.id, username: found.username, displayName: found.displayName, role: found.role };
    await this.dataSource.transaction(async (manager) => {
      const [session] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, $3) RETURNING id`,
        [hashToken(token), user.id, expiresAt],
      );
      await manager.query(`UPDATE app_user SET last_sign_in_at = now() WHERE id = $1`, [user.id]);
      await this.audit.record(manager, {
        actor: { user, requestId },
        action: 'sign_in',
        entityType: 'user_session',
        entityId: session!.id,
        after: { userId: user.id, expiresAt: expiresAt.toISOString() },
      });
    });
    return { token, expiresAt, user };
  }

  async signOut(token: string, user: AuthUser, requestId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // Wrapped in a CTE: TypeORM returns [rows, count] for a bare UPDATE … RETURNING, plain rows for a SELECT.
      const rows = await manager.query<Array<{ id: string }>>(
        `WITH ended AS (UPDATE user_session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id)
         SELECT id FROM ended`,
        [hashToken(token)],
      );
      if (rows[0]) {
        await this.audit.record(manager, {
          actor: { user, requestId },
          action: 'sign_out',
          entityType: 'user_session',
          entityId: rows[0].id,
        });
      }
    });
  }

  /** The user of a live session, or undefined. */
  async resolve(token: string): Promise<AuthUser | undefined> {
    const rows = await this.dataSource.query<
      Array<{ id: string; username: string; displayName: string; role: UserRole }>
    >(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.role
       FROM user_session s JOIN app_user u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active`,
      [hashToken(token)],
    );
    return rows[0];
  }
}
