import {
  Check,
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
import { EvaluationSession } from './evaluation-session.entity.js';

export const SCORE_STATUSES = ['draft', 'submitted', 'reviewed', 'final'] as const;
export type ScoreStatus = (typeof SCORE_STATUSES)[number];

/**
 * An agency's quality score in a round: the weighted total of its criterion scores, out of 100, two decimals,
 * exact (`numeric`). Only `final` scores are public and ranked.
 */
@Entity('score')
@Index('UQ_score_round_agency', ['roundId', 'agencyId'], { unique: true })
@Index('IDX_score_agency', ['agencyId'])
// Partial and covering (each agency's final scores for the compliance query): made by migration ComplianceTotals.
@Index('IDX_score_final_agency', { synchronize: false })
@Check('CHK_score_total', `"total" >= 0 AND "total" <= 100`)
@Check('CHK_score_status', `"status" IN (${SCORE_STATUSES.map((s) => `'${s}'`).join(', ')})`)
@Check('CHK_score_final_at', `("status" = 'final') = ("finalised_at" IS NOT NULL)`)
@Check('CHK_score_second_reviewer', `"reviewed_by_id" IS NULL OR "reviewed_by_id" IS DISTINCT FROM "submitted_by_id"`)
@Check('CHK_score_correction_reason', `NOT "is_correction" OR length(btrim(coalesce("correction_reason", ''))) > 0`)
export class Score {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => EvaluationRound, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_score_round' })
  round: Relation<EvaluationRound>;

  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_score_agency' })
  agency: Relation<Agency>;

  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  @ManyToOne(() => EvaluationSession, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_score_session' })
  session: Relation<EvaluationSession> | null;

  /** Exact decimal string, e.g. "26.07". */
  @Column({ type: 'numeric', precision: 5, scale: 2 })
  total: string;

  @Column({ type: 'text', default: 'draft' })
  status: ScoreStatus;

  @Column({ type: 'uuid', nullable: true })
  submittedById: string | null;

  @ManyToOne(() => AppUser, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by_id', foreignKeyConstraintName: 'FK_score_submitted_by' })
  submittedBy: Relation<AppUser> | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedById: string | null;

  @ManyToOne(() => AppUser, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewed_by_id', foreignKeyConstraintName: 'FK_score_reviewed_by' })
  reviewedBy: Relation<AppUser> | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finalisedAt: Date | null;

  /** A change to a closed round's score, made by an admin with a written reason; shown publicly. */
  @Column({ type: 'boolean', default: false })
  isCorrection: boolean;

  @Column({ type: 'text', nullable: true })
  correctionReason: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
