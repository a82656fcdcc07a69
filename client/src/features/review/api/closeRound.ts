import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import type { Round } from '../types/review';
import { invalidateScoreViews } from './keys';

export interface CloseRoundInput {
  id: string;
  /** The version read: 409 when the round changed since. */
  version: number;
}

/** Closes an open round: its sessions and scores are frozen from then on (admin). */
export function closeRound({ id, version }: CloseRoundInput): Promise<Round> {
  return sendJson<Round>('POST', `/api/v1/rounds/${encodeURIComponent(id)}/close`, { version });
}

export function useCloseRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: closeRound,
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: ['rounds'] }), invalidateScoreViews(queryClient)]),
  });
}
