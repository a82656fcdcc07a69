import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { AppUser } from '../users/app-user.entity.js';
import { EvaluationRound } from './evaluation-round.entity.js';

export interface AgencyRepresentative {
  name: string;
  title?: string;
}

/** A meeting of the ministry's evaluators with an agency's designated representatives. */
@Entity('evaluation_session')
@Index('IDX_evaluation_session_round_held', ['roundId', 'heldOn'])
@Index('IDX_evaluation_session_agency', ['agencyId', 'heldOn'])
export class EvaluationSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => EvaluationRound, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_evaluation_session_round' })
  round: Relation<EvaluationRound>;

  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_evaluation_session_agency' })
  agency: Relation<Agency>;

  @Column({ type: 'date' })
  heldOn: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  representatives: AgencyRepresentative[];

  /** Public summary of the session. */
  @Column({ type: 'text', default: '' })
  notes: string;

  /** For the ministry and the cabinet only; never public. */
  @Column({ type: 'text', default: '' })
  internalNotes: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => AppUser, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'FK_evaluation_session_created_by' })
  createdBy: Relation<AppUser> | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
