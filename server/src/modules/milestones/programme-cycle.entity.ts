import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** A programme the milestones belong to, e.g. the 1401 budget law; later years add their own. */
@Entity('programme_cycle')
@Check('CHK_programme_cycle_dates', `"starts_on" <= "ends_on"`)
@Check('CHK_programme_cycle_baseline', `"baseline_on" <= "ends_on"`)
export class ProgrammeCycle {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_programme_cycle_code', { unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  titleFa: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  /** The day whose inventory of identified services is the cycle's baseline for share milestones ("one third"). */
  @Column({ type: 'date' })
  baselineOn: string;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
