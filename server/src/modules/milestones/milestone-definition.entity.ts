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
import { ProgrammeCycle } from './programme-cycle.entity.js';

export const MILESTONE_RULES = [
  'single_window_launched',
  'single_window_service_share',
  'national_window_connected',
] as const;
export type MilestoneRule = (typeof MILESTONE_RULES)[number];

/**
 * A deadline as data: the rule that decides when an agency meets it and the day it is due. The share rule
 * carries its threshold as an exact fraction (1/3), never a rounded decimal.
 */
@Entity('milestone_definition')
@Index('UQ_milestone_definition_cycle_code', ['cycleId', 'code'], { unique: true })
@Check('CHK_milestone_definition_rule', `"rule" IN (${MILESTONE_RULES.map((r) => `'${r}'`).join(', ')})`)
@Check(
  'CHK_milestone_definition_share',
  `("rule" = 'single_window_service_share') = ("share_numerator" IS NOT NULL AND "share_denominator" IS NOT NULL) AND ("share_numerator" IS NULL OR ("share_numerator" > 0 AND "share_denominator" >= "share_numerator"))`,
)
@Check('CHK_milestone_definition_at_risk_days', `"at_risk_days" >= 0`)
export class MilestoneDefinition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => ProgrammeCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'FK_milestone_definition_cycle' })
  cycle: Relation<ProgrammeCycle>;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  titleFa: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'text' })
  rule: MilestoneRule;

  @Column({ type: 'integer', nullable: true })
  shareNumerator: number | null;

  @Column({ type: 'integer', nullable: true })
  shareDenominator: number | null;

  @Column({ type: 'date' })
  dueOn: string;

  /** How many days before the due date an agency that has not met it is "at risk". */
  @Column({ type: 'integer', default: 14 })
  atRiskDays: number;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
