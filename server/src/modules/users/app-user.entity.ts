import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const USER_ROLES = ['admin', 'evaluator', 'cabinet'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** A person who signs in. The public needs no account. */
@Entity('app_user')
@Check('CHK_app_user_role', `"role" IN (${USER_ROLES.map((r) => `'${r}'`).join(', ')})`)
@Check('CHK_app_user_username', `"username" ~ '^[a-z0-9][a-z0-9._-]{2,63}$'`)
export class AppUser {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_app_user_username', { unique: true })
  @Column({ type: 'text' })
  username: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: UserRole;

  /** `scrypt$N$r$p$salt$hash` (base64url parts); never leaves the server. */
  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
