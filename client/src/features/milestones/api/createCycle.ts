import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import type { components } from '../../../api/schema';
import type { Cycle } from './getCycles';
import { invalidateData } from '../../../api/invalidateData';

export type CreateCycleInput = components['schemas']['CreateCycleDto'];

/** Adds a programme cycle (admin); 409 when its code is taken or its days overlap another cycle's. */
export function createCycle(input: CreateCycleInput): Promise<Cycle> {
  return sendJson<Cycle>('POST', '/api/v1/cycles', input);
}

export function useCreateCycle() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createCycle, onSuccess: () => invalidateData(queryClient) });
}
