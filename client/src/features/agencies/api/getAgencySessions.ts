import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components } from '../../../api/schema';

export type AgencySession = components['schemas']['SessionDto'];
export type SessionList = components['schemas']['SessionListDto'];

/** The most the server gives in one page; an agency meets its evaluators a few times a year. */
const PAGE_SIZE = 200;

/**
 * The evaluation sessions held with the agency. What each holds depends on who asks: the public gets the date,
 * round, representatives and public summary; staff (by their session cookie) get the evaluators and internal notes.
 */
export function getAgencySessions(agencyId: string, signal?: AbortSignal): Promise<SessionList> {
  return getJson<SessionList>('/api/v1/evaluation-sessions', { agencyId, pageSize: PAGE_SIZE }, { signal });
}

export function agencySessionsQueryOptions(agencyId: string) {
  return queryOptions({
    // Under `agencies`: recording a session (or anything else about the agency) refreshes it with the agency page.
    queryKey: ['agencies', 'sessions', agencyId],
    queryFn: ({ signal }) => getAgencySessions(agencyId, signal),
  });
}

export function useAgencySessions(agencyId: string) {
  return useQuery(agencySessionsQueryOptions(agencyId));
}
