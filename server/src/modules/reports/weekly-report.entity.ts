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
import { AppUser } from '../users/app-user.entity.js';

export const REPORT_STATUSES = ['draft', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/**
 * The weekly list for one Iranian week (Saturday to Friday, Asia/Tehran). Once published its content is frozen
 * (a trigger refuses any change) and its SHA-256 digest lets anyone check it.
 */
@Entity('weekly_report')
@Index('UQ_weekly_report_week_revision', ['weekStartsOn', 'revision'], { unique: true })
@Index('IDX_weekly_report_cycle', ['cycleId'])
@Check('CHK_weekly_report_week', `"week_ends_on" = "week_starts_on" + 6 AND extract(isodow FROM "week_starts_on") = 6`)
@Check('CHK_weekly_report_status', `"status" IN (${REPORT_STATUSES.map((s) => `'${s}'`).join(', ')})`)
@Check(
  'CHK_weekly_report_published',
  `"status" <> 'published' OR ("published_at" IS NOT NULL AND "digest" IS NOT NULL)`,
)
@Check(
  'CHK_weekly_report_revision',
  `"revision" >= 1 AND ("revision" = 1) = ("supersedes_id" IS NULL) AND ("revision" = 1) = ("revision_reason" IS NULL)`,
)
@Check('CHK_weekly_report_public_from', `"public_from" IS NULL OR "public_from" >= "published_at"`)
@Check('CHK_weekly_report_digest', `"digest" IS NULL OR "digest" ~ '^[0-9a-f]{64}$'`)
export class WeeklyReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => ProgrammeCycle, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id', foreignKeyConstraintName: 'FK_weekly_report_cycle' })
  cycle: Relation<ProgrammeCycle>;

  /** A Saturday. */
  @Column({ type: 'date' })
  weekStartsOn: string;

  /** The Friday after it. */
  @Column({ type: 'date' })
  weekEndsOn: string;

  /** 1 for the report as first published; a correction is the next revision, and the old one stays readable. */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  /** The revision this one corrects (null for revision 1). */
  @Index('UQ_weekly_report_supersedes', { unique: true })
  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => WeeklyReport, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id', foreignKeyConstraintName: 'FK_weekly_report_supersedes' })
  supersedes: Relation<WeeklyReport> | null;

  /** Why a correction was published (null for revision 1). */
  @Column({ type: 'text', nullable: true })
  revisionReason: string | null;

  @Column({ type: 'text', default: 'draft' })
  status: ReportStatus;

  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;

  /** Hex SHA-256 of the canonical JSON of `content`. */
  @Column({ type: 'text', nullable: true })
  digest: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** From when the public sees it (the embargo's end); staff see it from `publishedAt`. */
  @Column({ type: 'timestamptz', nullable: true })
  publicFrom: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedById: string | null;

  @ManyToOne(() => AppUser, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by_id', foreignKeyConstraintName: 'FK_weekly_report_published_by' })
  publishedBy: Relation<AppUser> | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
