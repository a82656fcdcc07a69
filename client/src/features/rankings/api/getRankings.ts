import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { components, operations } from '../../../api/schema';

export type Rankings = components['schemas']['RankingsDto'];
export type RankingRow = components['schemas']['RankingRowDto'];
export type RankingMovement = components['schemas']['MovementDto'];
export type RankingsParams = NonNullable<operations['getRankings']['parameters']['query']>;

export function getRankings(params: RankingsParams, signal?: AbortSignal): Promise<Rankings> {
  return getJson<Rankings>('/api/v1/rankings', params, { signal });
}

export function rankingsQueryOptions(params: RankingsParams) {
  return queryOptions({
    queryKey: ['rankings', 'list', params],
    queryFn: ({ signal }) => getRankings(params, signal),
  });
}

/** One page of the ranking; the previous page stays on screen while the next one loads. */
export function useRankings(params: RankingsParams) {
  return useQuery({ ...rankingsQueryOptions(params), placeholderData: keepPreviousData });
}
