import type { QueryClient } from '@tanstack/react-query';

/**
 * After the inventory changes, the agency's service counts and every status measured on them (shares, overview,
 * rankings, reports) may have changed too: everything is marked stale except who is signed in and the app's
 * metadata. Only the queries on screen are fetched again at once; the others when next shown.
 */
export function invalidateAfterWrite(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] !== 'auth' && query.queryKey[0] !== 'meta',
  });
}
