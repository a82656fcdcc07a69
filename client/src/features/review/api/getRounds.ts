import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { Round, RoundList } from '../types/review';
import { reviewKeys } from './keys';

/** Every evaluation round with its criteria, newest first (public). */
export async function getRounds(signal?: AbortSignal): Promise<Round[]> {
  const body = await getJson<RoundList>('/api/v1/rounds', undefined, { signal });
  return body.items;
}

export function roundsQueryOptions() {
  return queryOptions({
    queryKey: reviewKeys.rounds(),
    queryFn: ({ signal }) => getRounds(signal),
  });
}

export function useRounds() {
  return useQuery(roundsQueryOptions());
}
