import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { Score, Session, SessionList } from '../types/review';
import { reviewKeys } from './keys';

/** An agency's sessions in a round (there is no read of one session by id): rarely more than a few. */
export function getSessions(roundId: string, agencyId: string, signal?: AbortSignal): Promise<SessionList> {
  return getJson<SessionList>('/api/v1/evaluation-sessions', { roundId, agencyId, pageSize: 200 }, { signal });
}

export function sessionsQueryOptions(roundId: string, agencyId: string) {
  return queryOptions({
    queryKey: reviewKeys.sessions(roundId, agencyId),
    queryFn: ({ signal }) => getSessions(roundId, agencyId, signal),
  });
}

/**
 * The session a score came from (null when it was not entered at a session, or the session is not listed). Asks
 * nothing for a score without a session.
 */
export function useScoreSession(score: Pick<Score, 'roundId' | 'agencyId' | 'sessionId'>) {
  return useQuery({
    ...sessionsQueryOptions(score.roundId, score.agencyId),
    enabled: score.sessionId !== null,
    select: (list): Session | null => list.items.find((session) => session.id === score.sessionId) ?? null,
  });
}
