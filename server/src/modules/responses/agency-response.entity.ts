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
import { Score } from '../evaluations/score.entity.js';
import { WeeklyReport } from '../reports/weekly-report.entity.js';
import { AppUser } from '../users/app-user.entity.js';

/**
 * `requested`: the ministry asked the agency for its reply (nothing received yet); `draft`: the reply was received
 * and recorded, not yet public; `published`: shown beside what it answers.
 */
export const RESPONSE_STATUSES = ['requested', 'draft', 'published'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/** The longest reply text kept, per language (a long letter fits several times over). */
export const RESPONSE_BODY_MAX = 20_000;

/**
 * An agency's official reply (جوابیه) to what was published about it: about the agency itself, one weekly report
 * revision (`weekly_report_id`) or one score (`score_id`); at most one of the two is set. A row starts either as a
 * request (`requested_on`, nothing received) or as a reply received without one; it is published by an admin.
 */
@Entity('agency_response')
@Index('IDX_agency_response_agency', ['agencyId', 'receivedOn'])
@Index('IDX_agency_response_report', ['weeklyReportId'])
@Index('IDX_agency_response_score', ['scoreId'])
/** One open request per agency and subject (an expression index, made by the migration AgencyResponses). */
@Index('UQ_agency_response_open_request', { synchronize: false })
@Check('CHK_agency_response_status', `"status" IN (${RESPONSE_STATUSES.map((s) => `'${s}'`).join(', ')})`)
@Check(
  'CHK_agency_response_published',
  `("status" = 'published') = ("published_at" IS NOT NULL) AND ("published_by_id" IS NULL OR "status" = 'published')`,
)
@Check(
  'CHK_agency_response_requested',
  `("status" = 'requested') = ("received_on" IS NULL) AND ("status" = 'requested') = ("body_fa" IS NULL) AND ("status" <> 'requested' OR ("requested_on" IS NOT NULL AND "body_en" IS NULL AND "document_url" IS NULL))`,
)
@Check(
  'CHK_agency_response_body',
  `("body_fa" IS NULL OR length(btrim("body_fa")) BETWEEN 1 AND ${RESPONSE_BODY_MAX}) AND ("body_en" IS NULL OR length(btrim("body_en")) BETWEEN 1 AND ${RESPONSE_BODY_MAX})`,
)
@Check(
  'CHK_agency_response_dates',
  `"requested_on" IS NULL OR "received_on" IS NULL OR "received_on" >= "requested_on"`,
)
@Check('CHK_agency_response_subject', `num_nonnulls("weekly_report_id", "score_id") <= 1`)
@Check('CHK_agency_response_document_url', `"document_url" IS NULL OR "document_url" ~* '^https?://[^[:space:]]+$'`)
export class AgencyResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_agency_response_agency' })
  agency: Relation<Agency>;

  /** The weekly report revision the reply answers (null: not about a report). */
  @Column({ type: 'uuid', nullable: true })
  weeklyReportId: string | null;

  @ManyToOne(() => WeeklyReport, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'weekly_report_id', foreignKeyConstraintName: 'FK_agency_response_weekly_report' })
  weeklyReport: Relation<WeeklyReport> | null;

  /** The (final) score the reply answers (null: not about a score). */
  @Column({ type: 'uuid', nullable: true })
  scoreId: string | null;

  @ManyToOne(() => Score, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'score_id', foreignKeyConstraintName: 'FK_agency_response_score' })
  score: Relation<Score> | null;

  /** The day the ministry asked the agency for its reply (null: the reply came unasked). */
  @Column({ type: 'date', nullable: true })
  requestedOn: string | null;

  /** The day the reply was received; null while it is only requested. */
  @Column({ type: 'date', nullable: true })
  receivedOn: string | null;

  @Column({ type: 'text', nullable: true })
  bodyFa: string | null;

  @Column({ type: 'text', nullable: true })
  bodyEn: string | null;

  /** The signed letter or its page, http(s) only. */
  @Column({ type: 'text', nullable: true })
  documentUrl: string | null;

  @Column({ type: 'text', default: 'draft' })
  status: ResponseStatus;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedById: string | null;

  @ManyToOne(() => AppUser, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by_id', foreignKeyConstraintName: 'FK_agency_response_published_by' })
  publishedBy: Relation<AppUser> | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => AppUser, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'FK_agency_response_created_by' })
  createdBy: Relation<AppUser> | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
