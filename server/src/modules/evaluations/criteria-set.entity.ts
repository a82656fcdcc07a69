import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/** The criteria an evaluation round scores against; their weights add up to 100 (enforced by a trigger). */
@Entity('criteria_set')
export class CriteriaSet {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_criteria_set_code', { unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  titleFa: string;

  @Column({ type: 'text' })
  titleEn: string;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
