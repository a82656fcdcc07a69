import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import type { Score, ScoreTransition } from '../types/review';
import { invalidateScoreViews, reviewKeys } from './keys';

export interface TransitionInput {
  id: string;
  step: ScoreTransition;
  /** The version read: the server refuses with 409 when the score changed since. */
  version: number;
}

/**
 * One step of the workflow: `submit` (draft → submitted), `review` (submitted → reviewed, by someone other than the
 * submitter), `finalise` (reviewed → final: public and ranked).
 */
export function transitionScore({ id, step, version }: TransitionInput): Promise<Score> {
  return sendJson<Score>('POST', `/api/v1/scores/${encodeURIComponent(id)}/${step}`, { version });
}

export function useTransitionScore() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionScore,
    onSuccess: (score) => {
      queryClient.setQueryData(reviewKeys.score(score.id), score);
      return invalidateScoreViews(queryClient);
    },
  });
}
