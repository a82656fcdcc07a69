import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import type { Session, UpdateSessionInput } from '../types/review';
import { invalidateScoreViews } from './keys';

/**
 * Changes a session (its day, representatives, notes) at the version read: 409 when someone changed it since. In a
 * closed round only an administrator may, giving a `reason` (it is audited as a correction).
 */
export function updateSession(id: string, input: UpdateSessionInput): Promise<Session> {
  return sendJson<Session>('PATCH', `/api/v1/evaluation-sessions/${encodeURIComponent(id)}`, input);
}

export function useUpdateSession(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSessionInput) => updateSession(id, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['evaluation-sessions'] }),
        invalidateScoreViews(queryClient),
      ]),
  });
}
