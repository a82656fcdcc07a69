import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components } from '../../../api/schema';

export type AgencyDetail = components['schemas']['AgencyDetailDto'];
export type AgencySystem = AgencyDetail['systems'][number];
export type ServiceStage = AgencySystem['stage'];

export function getAgency(id: string, signal?: AbortSignal): Promise<AgencyDetail> {
  return getJson<AgencyDetail>(`/api/v1/agencies/${encodeURIComponent(id)}`, undefined, { signal });
}

export function agencyQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['agencies', 'detail', id],
    queryFn: ({ signal }) => getAgency(id, signal),
  });
}

export function useAgency(id: string) {
  return useQuery(agencyQueryOptions(id));
}
