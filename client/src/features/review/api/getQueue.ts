import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../api/http';
import type { ListStatus, ScoreList, ScoreListParams } from '../types/review';
import { reviewKeys } from './keys';

/** The most the server lists on one page: a queue longer than this says so. */
export const QUEUE_PAGE_SIZE = 200;
/** The final scores are many (every agency of every closed round): the list shows the first 50 and says so. */
export const FINAL_LIST_SIZE = 50;

export function getScores(params: ScoreListParams, signal?: AbortSignal): Promise<ScoreList> {
  return getJson<ScoreList>('/api/v1/scores', { ...params }, { signal });
}

export function queueQueryOptions(status: ListStatus, roundId: string | null) {
  const pageSize = status === 'final' ? FINAL_LIST_SIZE : QUEUE_PAGE_SIZE;
  return queryOptions({
    queryKey: reviewKeys.queue(status, roundId),
    queryFn: ({ signal }) => getScores({ status, roundId: roundId ?? undefined, page: 1, pageSize }, signal),
  });
}

/** The scores in one status (signed-in users see every status), of one round or of all. */
export function useQueue(status: ListStatus, roundId: string | null) {
  return useQuery(queueQueryOptions(status, roundId));
}
