import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import type { components } from '../../../api/schema';
import type { Milestone } from './getCycles';
import { invalidateData } from '../../../api/invalidateData';

export type CreateMilestoneInput = components['schemas']['CreateMilestoneDto'];

/** Adds a milestone to a cycle (admin); 409 when the cycle already has a milestone with its code. */
export function createMilestone(cycleId: string, input: CreateMilestoneInput): Promise<Milestone> {
  return sendJson<Milestone>('POST', `/api/v1/cycles/${encodeURIComponent(cycleId)}/milestones`, input);
}

export function useCreateMilestone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ cycleId, input }: { cycleId: string; input: CreateMilestoneInput }) =>
      createMilestone(cycleId, input),
    onSuccess: () => invalidateData(queryClient),
  });
}
