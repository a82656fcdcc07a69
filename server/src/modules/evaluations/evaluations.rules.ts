import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth-user.js';
import type { RoundStatus } from './evaluation-round.entity.js';
import {
  CorrectionReasonRequiredException,
  RoundClosedException,
  RoundCodeTakenException,
  SameReviewerException,
  ScoreAlreadyExistsException,
} from './evaluations.exception.js';

/**
 * Whether a write to a round's sessions or scores is a correction. An open round takes ordinary writes; a
 * closed round only an admin's correction with a reason (an evaluator: 403 ROUND_CLOSED; an admin without a
 * reason: 400 CORRECTION_REASON_REQUIRED).
 */
export function isCorrection(roundStatus: RoundStatus, actor: Actor, reason: string | undefined): boolean {
  if (roundStatus === 'open') return false;
  assertMayCorrect(actor, reason, () => new RoundClosedException());
  return true;
}

/** Only an admin corrects, and never without a reason. */
export function assertMayCorrect(actor: Actor, reason: string | undefined, refusal: () => Error): void {
  if (actor.user.role !== 'admin') throw refusal();
  if (!reason?.trim()) throw new CorrectionReasonRequiredException();
}

interface PgError {
  code?: string;
  constraint?: string;
}

/**
 * Runs a write in one transaction. The database's constraints are the second lock behind the checks in the
 * services: when one of them fires anyway (two requests racing), the person gets the same coded error, not a 500.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await dataSource.transaction(work);
  } catch (error) {
    const pg = ((error as { driverError?: PgError }).driverError ?? error) as PgError;
    if (pg.code === '23505' && pg.constraint === 'UQ_score_round_agency') throw new ScoreAlreadyExistsException();
    if (
      pg.code === '23505' &&
      (pg.constraint === 'UQ_evaluation_round_code' || pg.constraint === 'UQ_criteria_set_code')
    ) {
      throw new RoundCodeTakenException();
    }
    if (pg.code === '23514' && pg.constraint === 'CHK_score_second_reviewer') throw new SameReviewerException();
    throw error;
  }
}
