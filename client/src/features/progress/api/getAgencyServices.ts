import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { ServiceList, ServiceListParams } from '../types/progress';

export function getAgencyServices(
  agencyId: string,
  params: ServiceListParams,
  signal?: AbortSignal,
): Promise<ServiceList> {
  return getJson<ServiceList>(`/api/v1/agencies/${encodeURIComponent(agencyId)}/services`, { ...params }, { signal });
}

export function agencyServicesQueryOptions(agencyId: string, params: ServiceListParams) {
  return queryOptions({
    queryKey: ['services', agencyId, params],
    queryFn: ({ signal }) => getAgencyServices(agencyId, params, signal),
  });
}

/** One page of the agency's services with their stage dates. */
export function useAgencyServices(agencyId: string, params: ServiceListParams) {
  return useQuery({ ...agencyServicesQueryOptions(agencyId, params), placeholderData: keepPreviousData });
}
