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
import { RECORD_SOURCES, type RecordSource } from '../catalogue/stages.js';
import { AppUser } from '../users/app-user.entity.js';
import { Agency } from './agency.entity.js';

export const AGENCY_PROGRESS_KINDS = ['single_window_launched', 'national_window_connected'] as const;
export type AgencyProgressKind = (typeof AGENCY_PROGRESS_KINDS)[number];

/** Append-only ledger of an agency's progress, dated when it happened (a correction supersedes a row). */
@Entity('agency_progress_event')
@Index('IDX_agency_progress_event_agency_kind', ['agencyId', 'kind', 'occurredOn'])
@Check('CHK_agency_progress_event_kind', `"kind" IN (${AGENCY_PROGRESS_KINDS.map((k) => `'${k}'`).join(', ')})`)
@Check('CHK_agency_progress_event_source', `"source" IN (${RECORD_SOURCES.map((s) => `'${s}'`).join(', ')})`)
export class AgencyProgressEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_agency_progress_event_agency' })
  agency: Relation<Agency>;

  @Column({ type: 'text' })
  kind: AgencyProgressKind;

  @Column({ type: 'date' })
  occurredOn: string;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Index('IDX_agency_progress_event_supersedes')
  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => AgencyProgressEvent, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id', foreignKeyConstraintName: 'FK_agency_progress_event_supersedes' })
  supersedes: Relation<AgencyProgressEvent> | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text' })
  source: RecordSource;

  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  @ManyToOne(() => AppUser, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_id', foreignKeyConstraintName: 'FK_agency_progress_event_recorded_by' })
  recordedBy: Relation<AppUser> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
