import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import type { Score, UpdateScoreInput } from '../types/review';
import { invalidateScoreViews, reviewKeys } from './keys';

/**
 * New criterion values for a draft or submitted score, at the version read (409 when stale). A submitted score
 * goes back to draft.
 */
export function updateScore(id: string, input: UpdateScoreInput): Promise<Score> {
  return sendJson<Score>('PATCH', `/api/v1/scores/${encodeURIComponent(id)}`, input);
}

export function useUpdateScore(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateScoreInput) => updateScore(id, input),
    onSuccess: (score) => {
      queryClient.setQueryData(reviewKeys.score(score.id), score);
      return invalidateScoreViews(queryClient);
    },
  });
}
