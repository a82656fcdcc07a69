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
import { AgencySystem } from './agency-system.entity.js';
import {
  SERVICE_AUDIENCES,
  STAGE_DATES_IN_ORDER_SQL,
  STAGE_FROM_DATES_SQL,
  type ServiceAudience,
  type ServiceStage,
} from './stages.js';

/**
 * A service an agency offers (خدمت). The dates say when it reached each stage (the current belief); every
 * change is also kept in `service_stage_event`, so corrections never rewrite history silently.
 */
@Entity('e_service')
@Index('UQ_e_service_agency_code', ['agencyId', 'code'], { unique: true })
@Index('IDX_e_service_agency_stage', ['agencyId', 'stage'])
// Partial and covering (the withdrawn services the compliance query sets aside): made by migration ComplianceTotals.
@Index('IDX_e_service_withdrawn_on', { synchronize: false })
@Check('CHK_e_service_audience', `"audience" IN (${SERVICE_AUDIENCES.map((a) => `'${a}'`).join(', ')})`)
@Check('CHK_e_service_stage_dates', STAGE_DATES_IN_ORDER_SQL)
@Check(
  'CHK_e_service_withdrawal',
  `("withdrawn_on" IS NULL) = ("withdrawal_reason" IS NULL) AND ("withdrawn_on" IS NULL OR "withdrawn_on" >= "identified_on")`,
)
export class EService {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_e_service_agency' })
  agency: Relation<Agency>;

  @Index('IDX_e_service_system_id')
  @Column({ type: 'uuid', nullable: true })
  systemId: string | null;

  @ManyToOne(() => AgencySystem, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'system_id', foreignKeyConstraintName: 'FK_e_service_system' })
  system: Relation<AgencySystem> | null;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  nameFa: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  audience: ServiceAudience;

  /**
   * The day the service entered the agency's inventory of identified services. A programme cycle's baseline is
   * the services identified by its baseline day (milestones measure shares against it).
   */
  @Column({ type: 'date' })
  identifiedOn: string;

  /** The day it was withdrawn from the inventory (by an admin, with a reason); it still counts in the baseline. */
  @Column({ type: 'date', nullable: true })
  withdrawnOn: string | null;

  @Column({ type: 'text', nullable: true })
  withdrawalReason: string | null;

  @Column({ type: 'date', nullable: true })
  electronicOn: string | null;

  @Column({ type: 'date', nullable: true })
  singleWindowOn: string | null;

  @Column({ type: 'date', nullable: true })
  nationalWindowOn: string | null;

  @Column({
    type: 'text',
    generatedType: 'STORED',
    asExpression: STAGE_FROM_DATES_SQL,
    insert: false,
    update: false,
  })
  stage: ServiceStage;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
