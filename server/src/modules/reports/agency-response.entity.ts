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
import { Agency } from '../agencies/agency.entity.js';
import { AppUser } from '../users/app-user.entity.js';
import { WeeklyReport } from './weekly-report.entity.js';

export const RESPONSE_STATUSES = ['draft', 'published'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/** An agency's official reply (جوابیه) to its listing, dated and published beside it. */
@Entity('agency_response')
@Index('IDX_agency_response_agency', ['agencyId', 'receivedOn'])
@Index('IDX_agency_response_report', ['weeklyReportId'])
@Check('CHK_agency_response_status', `"status" IN (${RESPONSE_STATUSES.map((s) => `'${s}'`).join(', ')})`)
@Check('CHK_agency_response_published', `("status" = 'published') = ("published_at" IS NOT NULL)`)
@Check('CHK_agency_response_body', `length(btrim("body_fa")) > 0`)
export class AgencyResponse {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_agency_response_agency' })
  agency: Relation<Agency>;

  @Column({ type: 'uuid', nullable: true })
  weeklyReportId: string | null;

  @ManyToOne(() => WeeklyReport, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'weekly_report_id', foreignKeyConstraintName: 'FK_agency_response_weekly_report' })
  weeklyReport: Relation<WeeklyReport> | null;

  @Column({ type: 'date' })
  receivedOn: string;

  @Column({ type: 'text' })
  bodyFa: string;

  @Column({ type: 'text', nullable: true })
  bodyEn: string | null;

  @Column({ type: 'text', default: 'draft' })
  status: ResponseStatus;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => AppUser, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'FK_agency_response_created_by' })
  createdBy: Relation<AppUser> | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
