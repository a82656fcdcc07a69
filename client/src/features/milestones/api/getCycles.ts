import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components } from '../../../api/schema';

type Schemas = components['schemas'];

export type Cycle = Schemas['CycleDto'];
export type CycleList = Schemas['CycleListDto'];
export type Milestone = Schemas['MilestoneDto'];
export type MilestoneRule = Milestone['rule'];
export type Share = Schemas['ShareInputDto'];

export const cyclesQueryKey = ['cycles'] as const;

/** Every programme cycle with its milestones, the earliest first. */
export function getCycles(signal?: AbortSignal): Promise<CycleList> {
  return getJson<CycleList>('/api/v1/cycles', undefined, { signal });
}

export function cyclesQueryOptions() {
  return queryOptions({
    queryKey: [...cyclesQueryKey, 'list'],
    queryFn: ({ signal }) => getCycles(signal),
  });
}

export function useCycles() {
  return useQuery(cyclesQueryOptions());
}
