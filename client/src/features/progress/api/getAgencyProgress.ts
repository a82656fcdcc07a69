import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { AgencyProgress } from '../types/progress';

export function getAgencyProgress(agencyId: string, signal?: AbortSignal): Promise<AgencyProgress> {
  return getJson<AgencyProgress>(`/api/v1/agencies/${encodeURIComponent(agencyId)}/progress`, undefined, { signal });
}

export function agencyProgressQueryOptions(agencyId: string) {
  return queryOptions({
    queryKey: ['progress', agencyId],
    queryFn: ({ signal }) => getAgencyProgress(agencyId, signal),
  });
}

/** The agency's current progress dates, their version, and the ledger they come from. */
export function useAgencyProgress(agencyId: string) {
  return useQuery(agencyProgressQueryOptions(agencyId));
}
