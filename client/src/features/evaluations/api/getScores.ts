import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { ScoreList, ScoreListParams } from '../types/evaluations';

export function getScores(params: ScoreListParams, signal?: AbortSignal): Promise<ScoreList> {
  return getJson<ScoreList>('/api/v1/scores', { ...params }, { signal });
}

export function scoresQueryOptions(params: ScoreListParams) {
  return queryOptions({
    queryKey: ['scores', 'list', params],
    queryFn: ({ signal }) => getScores(params, signal),
  });
}

/** Scores: the public gets final ones only; staff (by their session cookie) get every status. */
export function useScores(params: ScoreListParams) {
  return useQuery(scoresQueryOptions(params));
}
