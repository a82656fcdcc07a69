import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { Score } from '../types/review';
import { reviewKeys } from './keys';

export function getScore(id: string, signal?: AbortSignal): Promise<Score> {
  return getJson<Score>(`/api/v1/scores/${encodeURIComponent(id)}`, undefined, { signal });
}

export function scoreQueryOptions(id: string) {
  return queryOptions({
    queryKey: reviewKeys.score(id),
    queryFn: ({ signal }) => getScore(id, signal),
  });
}

/** One score as it is now, with the version a write must name. */
export function useScore(id: string) {
  return useQuery(scoreQueryOptions(id));
}
