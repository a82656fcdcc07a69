import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import type { components } from '../../../api/schema';
import type { Milestone } from './getCycles';
import { invalidateData } from '../../../api/invalidateData';

export type UpdateMilestoneInput = components['schemas']['UpdateMilestoneDto'];

/** Changes a milestone (its rule and code stay) at the version read; 409 when stale. */
export function updateMilestone(id: string, input: UpdateMilestoneInput): Promise<Milestone> {
  return sendJson<Milestone>('PATCH', `/api/v1/milestones/${encodeURIComponent(id)}`, input);
}

export function useUpdateMilestone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateMilestoneInput }) => updateMilestone(id, input),
    onSuccess: () => invalidateData(queryClient),
  });
}
