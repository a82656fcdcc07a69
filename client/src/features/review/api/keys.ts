import type { QueryClient } from '@tanstack/react-query';

/**
 * The review feature's query keys. They start with the same words as every other feature's scores and rounds
 * (`['scores', …]`, `['rounds', …]`), so a write here refreshes those views too, and vice versa.
 */
export const reviewKeys = {
  queue: (status: string, roundId: string | null) => ['scores', 'review-queue', status, roundId] as const,
  score: (id: string) => ['scores', 'review-detail', id] as const,
  roundOpenCounts: (roundId: string) => ['scores', 'review-round-counts', roundId] as const,
  sessions: (roundId: string, agencyId: string) => ['evaluation-sessions', 'review', roundId, agencyId] as const,
};

/**
 * After a score changed: every list and page that shows scores, and what is computed from final scores (the
 * agencies' latest score, the ranking, the overview).
 */
export function invalidateScoreViews(queryClient: QueryClient): Promise<unknown> {
  return Promise.all(
    [['scores'], ['agencies'], ['rankings'], ['overview']].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}
