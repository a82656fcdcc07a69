import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { AppUser } from '../users/app-user.entity.js';
import { EvaluationSession } from './evaluation-session.entity.js';

/** The ministry's evaluators present at a session. */
@Entity('evaluation_session_evaluator')
export class EvaluationSessionEvaluator {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => EvaluationSession, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_evaluation_session_evaluator_session' })
  session: Relation<EvaluationSession>;

  @ManyToOne(() => AppUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_evaluation_session_evaluator_user' })
  user: Relation<AppUser>;
}
