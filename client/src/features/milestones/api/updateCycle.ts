import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import type { components } from '../../../api/schema';
import type { Cycle } from './getCycles';
import { invalidateData } from '../../../api/invalidateData';

export type UpdateCycleInput = components['schemas']['UpdateCycleDto'];

/** Changes a cycle's titles or days at the version read; 409 when stale or when the days overlap another cycle. */
export function updateCycle(id: string, input: UpdateCycleInput): Promise<Cycle> {
  return sendJson<Cycle>('PATCH', `/api/v1/cycles/${encodeURIComponent(id)}`, input);
}

export function useUpdateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateCycleInput }) => updateCycle(id, input),
    onSuccess: () => invalidateData(queryClient),
  });
}
