import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { Round, RoundList } from '../types/evaluations';

/** Every evaluation round with its criteria, newest first (public). */
export async function getRounds(signal?: AbortSignal): Promise<Round[]> {
  const body = await getJson<RoundList>('/api/v1/rounds', undefined, { signal });
  return body.items;
}

export function roundsQueryOptions() {
  return queryOptions({
    queryKey: ['rounds', 'list'],
    queryFn: ({ signal }) => getRounds(signal),
  });
}

/** Every evaluation round with its criteria. */
export function useRounds() {
  return useQuery(roundsQueryOptions());
}
