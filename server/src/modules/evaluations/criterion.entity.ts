import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CriteriaSet } from './criteria-set.entity.js';

@Entity('criterion')
@Index('UQ_criterion_set_code', ['criteriaSetId', 'code'], { unique: true })
@Check('CHK_criterion_weight', `"weight" > 0 AND "weight" <= 100`)
export class Criterion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  criteriaSetId: string;

  @ManyToOne(() => CriteriaSet, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'criteria_set_id', foreignKeyConstraintName: 'FK_criterion_criteria_set' })
  criteriaSet: Relation<CriteriaSet>;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  titleFa: string;

  @Column({ type: 'text' })
  titleEn: string;

  /** Exact decimal, e.g. "25.00"; the weights of one set add up to 100. */
  @Column({ type: 'numeric', precision: 5, scale: 2 })
  weight: string;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;
}
