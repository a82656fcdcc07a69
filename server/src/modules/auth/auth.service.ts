import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Transactions } from '../../common/db/transactions.js';
import { AuditService } from '../audit/audit.service.js';
import { verifyPassword } from '../users/password.js';
import { normalizeText } from '../../common/text/normalize-text.js';
import type { AuthUser } from './auth-user.js';
import { BadCredentialsException, TooManySignInsException } from './auth.exception.js';
import {
  insertUserSession,
  markSignedIn,
  revokeUserSession,
  selectSessionUser,
  selectUserForSignIn,
} from './auth.queries.js';
import { SignInThrottle } from './sign-in-throttle.js';

export const SESSION_HOURS = 12;

/** Sessions are not public data: signing in or out leaves the public read cache as it is. */
const NOT_PUBLIC = { publicData: false };

/** A hash that costs as much as a real check, so unknown usernames take as long as wrong passwords. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly throttle: SignInThrottle,
  ) {}

  /**
   * Checks the password and opens a session; returns its token (for the cookie or a bearer header). A username
   * with too many failed attempts lately is refused before its password is looked at (429), known or not.
   */
  async signIn(
    usernameRaw: string,
    password: string,
    requestId: string,
  ): Promise<{ token: string; expiresAt: Date; user: AuthUser }> {
    const username = normalizeText(usernameRaw).toLowerCase();
    const waitSeconds = this.throttle.begin(username);
    if (waitSeconds !== undefined) throw new TooManySignInsException(waitSeconds);
    let found: Awaited<ReturnType<typeof selectUserForSignIn>>;
    let ok: boolean;
    try {
      found = await selectUserForSignIn(this.dataSource.manager, username);
      ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
    } catch (error) {
      this.throttle.release(username); // the database, not the password, failed: no guess was made
      throw error;
    }
    if (!found || !found.isActive || !ok) throw new BadCredentialsException();
    this.throttle.release(username);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    const user: AuthUser = { id: found.id, username: found.username, displayName: found.displayName, role: found.role };
    await this.transactions.run(async (manager) => {
      const sessionId = await insertUserSession(manager, { tokenHash: hashToken(token), userId: user.id, expiresAt });
      await markSignedIn(manager, user.id);
      await this.audit.record(manager, {
        actor: { user, requestId },
        action: 'sign_in',
        entityType: 'user_session',
        entityId: sessionId,
        after: { userId: user.id, expiresAt: expiresAt.toISOString() },
      });
    }, NOT_PUBLIC);
    return { token, expiresAt, user };
  }

  async signOut(token: string, user: AuthUser, requestId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const sessionId = await revokeUserSession(manager, hashToken(token));
      if (sessionId) {
        await this.audit.record(manager, {
          actor: { user, requestId },
          action: 'sign_out',
          entityType: 'user_session',
          entityId: sessionId,
        });
      }
    }, NOT_PUBLIC);
  }

  /** The user of a live session, or undefined. */
  resolve(token: string): Promise<AuthUser | undefined> {
    return selectSessionUser(this.dataSource.manager, hashToken(token));
  }
}
