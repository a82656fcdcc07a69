import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { ProgrammeCycle } from '../milestones/programme-cycle.entity.js';
import { CriteriaSet } from './criteria-set.entity.js';

export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

@Entity('evaluation_round')
@Check('CHK_evaluation_round_dates', `"starts_on" <= "ends_on"`)
@Check('CHK_evaluation_round_status', `"status" IN (${ROUND_STATUSES.map((s) => `'${s}'`).join(', ')})`)
@Check('CHK_evaluation_round_closed_at', `("status" = 'closed') = ("closed_at" IS NOT NULL)`)
export class EvaluationRound {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_evaluation_round_code', { unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  titleFa: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'uuid', nullable: true })
  cycleId: string | null;

  @ManyToOne(() => ProgrammeCycle, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'FK_evaluation_round_cycle' })
  cycle: Relation<ProgrammeCycle> | null;

  @Column({ type: 'uuid' })
  criteriaSetId: string;

  @ManyToOne(() => CriteriaSet, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'criteria_set_id', foreignKeyConstraintName: 'FK_evaluation_round_criteria_set' })
  criteriaSet: Relation<CriteriaSet>;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'text', default: 'open' })
  status: RoundStatus;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
