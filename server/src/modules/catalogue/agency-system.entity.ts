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
import { STAGE_DATES_IN_ORDER_SQL, STAGE_FROM_DATES_SQL, type ServiceStage } from './stages.js';

/** A platform of an agency (سامانه), such as "Omid", that carries services; connecting it connects them. */
@Entity('agency_system')
@Index('UQ_agency_system_agency_code', ['agencyId', 'code'], { unique: true })
@Check('CHK_agency_system_stage_dates', STAGE_DATES_IN_ORDER_SQL)
export class AgencySystem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_agency_system_agency' })
  agency: Relation<Agency>;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  nameFa: string;

  @Column({ type: 'text' })
  nameEn: string;

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
