import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components } from '../../../api/schema';

export type RankingRound = components['schemas']['RoundDto'];
type RoundList = components['schemas']['RoundListDto'];

/** Every evaluation round, newest first (public): the choices of the ranking's round filter. */
export async function getRounds(signal?: AbortSignal): Promise<RankingRound[]> {
  const body = await getJson<RoundList>('/api/v1/rounds', undefined, { signal });
  return body.items;
}

export function roundsQueryOptions() {
  return queryOptions({
    // Under `rounds`, so that opening or closing a round refreshes this list too.
    queryKey: ['rounds', 'rankings-list'],
    queryFn: ({ signal }) => getRounds(signal),
  });
}

export function useRounds() {
  return useQuery(roundsQueryOptions());
}
