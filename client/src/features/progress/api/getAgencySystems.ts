import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { AgencySystem, SystemList } from '../types/progress';

/** The agency's systems (platforms such as «امید») with their stage. */
export async function getAgencySystems(agencyId: string, signal?: AbortSignal): Promise<AgencySystem[]> {
  const body = await getJson<SystemList>(`/api/v1/agencies/${encodeURIComponent(agencyId)}/systems`, undefined, {
    signal,
  });
  return body.items;
}

export function agencySystemsQueryOptions(agencyId: string) {
  return queryOptions({
    queryKey: ['systems', agencyId],
    queryFn: ({ signal }) => getAgencySystems(agencyId, signal),
  });
}

export function useAgencySystems(agencyId: string) {
  return useQuery(agencySystemsQueryOptions(agencyId));
}
