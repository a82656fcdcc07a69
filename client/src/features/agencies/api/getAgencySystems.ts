import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components } from '../../../api/schema';

export type AgencySystemDetail = components['schemas']['SystemDto'];
export type SystemList = components['schemas']['SystemListDto'];

/** The agency's systems (e.g. Omid, its service desk) with their stage days and how many services each carries. */
export async function getAgencySystems(id: string, signal?: AbortSignal): Promise<AgencySystemDetail[]> {
  const body = await getJson<SystemList>(`/api/v1/agencies/${encodeURIComponent(id)}/systems`, undefined, { signal });
  return body.items;
}

export function agencySystemsQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['agencies', 'systems', id],
    queryFn: ({ signal }) => getAgencySystems(id, signal),
  });
}

export function useAgencySystems(id: string) {
  return useQuery(agencySystemsQueryOptions(id));
}
