import type { QueryClient } from '@tanstack/react-query';

/**
 * After a write that every figure may depend on (a cycle's deadlines, an agency's service inventory): every query
 * is marked stale except who is signed in and the app's metadata. Only the queries on screen are fetched again at
 * once; the others when next shown.
 */
export function invalidateData(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] !== 'auth' && query.queryKey[0] !== 'meta',
  });
}
