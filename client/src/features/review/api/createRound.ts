import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import type { CreateRoundInput, Round } from '../types/review';

/** Opens a new round with its own criteria set; the weights add up to exactly 100 (admin). */
export function createRound(input: CreateRoundInput): Promise<Round> {
  return sendJson<Round>('POST', '/api/v1/rounds', input);
}

export function useCreateRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRound,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rounds'] }),
  });
}
