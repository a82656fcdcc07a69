import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { AgencyResponseList, ResponseStatus } from '../types';

export interface ResponseListParams {
  agencyId?: string;
  status?: ResponseStatus;
  page?: number;
  pageSize?: number;
}

/** Every reply and request in every state (admin), newest first, one page. */
export function getResponses(params: ResponseListParams, signal?: AbortSignal): Promise<AgencyResponseList> {
  return getJson<AgencyResponseList>('/api/v1/responses', { ...params }, { signal });
}

export function responsesQueryOptions(params: ResponseListParams) {
  return queryOptions({
    queryKey: ['responses', 'list', params],
    queryFn: ({ signal }) => getResponses(params, signal),
  });
}

export function useResponses(params: ResponseListParams) {
  return useQuery({ ...responsesQueryOptions(params), placeholderData: keepPreviousData });
}
