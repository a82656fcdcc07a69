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
import { EService } from './e-service.entity.js';
import { RECORD_SOURCES, SERVICE_STAGES, type RecordSource, type ServiceStage } from './stages.js';

/** Append-only ledger: a service reached a stage on a day (a correction is a new row that supersedes one). */
@Entity('service_stage_event')
@Index('IDX_service_stage_event_service_reached', ['serviceId', 'reachedOn'])
@Check('CHK_service_stage_event_stage', `"stage" IN (${SERVICE_STAGES.map((s) => `'${s}'`).join(', ')})`)
@Check('CHK_service_stage_event_source', `"source" IN (${RECORD_SOURCES.map((s) => `'${s}'`).join(', ')})`)
export class ServiceStageEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => EService, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'FK_service_stage_event_service' })
  service: Relation<EService>;

  @Column({ type: 'text' })
  stage: ServiceStage;

  @Column({ type: 'date' })
  reachedOn: string;

  @Index('IDX_service_stage_event_supersedes')
  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => ServiceStageEvent, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id', foreignKeyConstraintName: 'FK_service_stage_event_supersedes' })
  supersedes: Relation<ServiceStageEvent> | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text' })
  source: RecordSource;

  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  @ManyToOne(() => AppUser, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_id', foreignKeyConstraintName: 'FK_service_stage_event_recorded_by' })
  recordedBy: Relation<AppUser> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
