import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { PublicResponseList } from '../types';

/** An agency's published replies and the requests it has not answered yet, newest first. */
export function getAgencyResponses(agencyId: string, signal?: AbortSignal): Promise<PublicResponseList> {
  return getJson<PublicResponseList>(`/api/v1/agencies/${encodeURIComponent(agencyId)}/responses`, undefined, {
    signal,
  });
}

export function agencyResponsesQueryOptions(agencyId: string) {
  return queryOptions({
    queryKey: ['responses', 'agency', agencyId],
    queryFn: ({ signal }) => getAgencyResponses(agencyId, signal),
  });
}

export function useAgencyResponses(agencyId: string) {
  return useQuery(agencyResponsesQueryOptions(agencyId));
}
