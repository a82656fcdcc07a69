import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import type { StageUpdateInput } from '../types/progress';

export type StageTarget = 'services' | 'systems';

/**
 * Records that a service or a system reached a stage on a day (`POST /api/v1/{services|systems}/:id/stage`);
 * refused with 409 when `version` is no longer current.
 */
export function updateStage(target: StageTarget, id: string, input: StageUpdateInput): Promise<unknown> {
  return sendJson<unknown>('POST', `/api/v1/${target}/${encodeURIComponent(id)}/stage`, input);
}

export function useUpdateStage(target: StageTarget, agencyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: StageUpdateInput }) => updateStage(target, id, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['services', agencyId] }),
        queryClient.invalidateQueries({ queryKey: ['systems', agencyId] }),
        queryClient.invalidateQueries({ queryKey: ['agencies'] }),
      ]),
  });
}
