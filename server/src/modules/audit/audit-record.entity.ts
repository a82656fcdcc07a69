import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { AppUser } from '../users/app-user.entity.js';

/** Who changed what, when, with the values before and after. Written in the write's transaction; never changed. */
@Entity('audit_record')
@Index('IDX_audit_record_entity', ['entityType', 'entityId'])
@Index('IDX_audit_record_occurred_at', ['occurredAt'])
@Index('IDX_audit_record_actor', ['actorId', 'occurredAt'])
@Check('CHK_audit_record_action', `length("action") > 0`)
export class AuditRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  /** Null for the system itself (migrations, the demo seed, scheduled jobs). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => AppUser, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'FK_audit_record_actor' })
  actor: Relation<AppUser> | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'text' })
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;
}
