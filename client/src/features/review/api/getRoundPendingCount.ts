import { queryOptions, useQuery } from '@tanstack/react-query';
import { reviewKeys } from './keys';
import { getScores } from './getQueue';

const NOT_FINAL = ['draft', 'submitted', 'reviewed'] as const;

/** How many of a round's scores are not final yet (they stay out of the ranking once the round is closed). */
export async function getRoundPendingCount(roundId: string, signal?: AbortSignal): Promise<number> {
  const lists = await Promise.all(
    NOT_FINAL.map((status) => getScores({ roundId, status, page: 1, pageSize: 1 }, signal)),
  );
  return lists.reduce((sum, list) => sum + list.total, 0);
}

export function roundPendingCountQueryOptions(roundId: string) {
  return queryOptions({
    queryKey: reviewKeys.roundOpenCounts(roundId),
    queryFn: ({ signal }) => getRoundPendingCount(roundId, signal),
  });
}

export function useRoundPendingCount(roundId: string) {
  return useQuery(roundPendingCountQueryOptions(roundId));
}
