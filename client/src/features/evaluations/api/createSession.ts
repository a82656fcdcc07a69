import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import type { CreateSessionInput, CreateSessionResult } from '../types/evaluations';

/** Records an evaluation session, with its criterion scores as a draft when given (evaluator, admin). */
export function createSession(input: CreateSessionInput): Promise<CreateSessionResult> {
  return sendJson<CreateSessionResult>('POST', '/api/v1/evaluation-sessions', input);
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSession,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['scores'] }),
        queryClient.invalidateQueries({ queryKey: ['agencies'] }),
      ]),
  });
}
