import type { TransactionOptions } from '../../common/db/transactions.js';
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

/**
 * The constraints behind the services' own checks: when one fires anyway (two requests racing), the person gets the
 * same coded error as the check gives, not a 500 (see `Transactions.run`).
 */
export const EVALUATION_CONSTRAINTS: TransactionOptions = {
  constraints: {
    UQ_score_round_agency: () => new ScoreAlreadyExistsException(),
    UQ_evaluation_round_code: () => new RoundCodeTakenException(),
    UQ_criteria_set_code: () => new RoundCodeTakenException(),
    CHK_score_second_reviewer: () => new SameReviewerException(),
  },
};
