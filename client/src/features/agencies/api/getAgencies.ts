import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components, operations } from '../../../api/schema';

export type AgencyList = components['schemas']['AgencyListDto'];
export type Agency = components['schemas']['AgencyDto'];
export type AgencyListParams = NonNullable<operations['listAgencies']['parameters']['query']>;

export function getAgencies(params: AgencyListParams, signal?: AbortSignal): Promise<AgencyList> {
  return getJson<AgencyList>('/api/v1/agencies', params, { signal });
}

export function agenciesQueryOptions(params: AgencyListParams) {
  return queryOptions({
    queryKey: ['agencies', 'list', params],
    queryFn: ({ signal }) => getAgencies(params, signal),
  });
}

/** One page of agencies; the previous page stays on screen while the next one loads. */
export function useAgencies(params: AgencyListParams) {
  return useQuery({ ...agenciesQueryOptions(params), placeholderData: keepPreviousData });
}
