import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Criterion } from './criterion.entity.js';
import { Score } from './score.entity.js';

/** One criterion's score (0–100, two decimals, exact) within an agency's score. */
@Entity('criterion_score')
@Index('IDX_criterion_score_criterion', ['criterionId'])
@Check('CHK_criterion_score_value', `"value" >= 0 AND "value" <= 100`)
export class CriterionScore {
  @PrimaryColumn({ type: 'uuid' })
  scoreId: string;

  @PrimaryColumn({ type: 'uuid' })
  criterionId: string;

  @ManyToOne(() => Score, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'score_id', foreignKeyConstraintName: 'FK_criterion_score_score' })
  score: Relation<Score>;

  @ManyToOne(() => Criterion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'criterion_id', foreignKeyConstraintName: 'FK_criterion_score_criterion' })
  criterion: Relation<Criterion>;

  @Column({ type: 'numeric', precision: 5, scale: 2 })
  value: string;
}
