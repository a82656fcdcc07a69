import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, getJson } from '../../../api/http';
import type { components } from '../../../api/schema';

export type Me = components['schemas']['MeDto'];
export type Role = Me['role'];

export const meQueryKey = ['auth', 'me'] as const;

/** Set by the server beside the (httpOnly) session cookie; holds no secret, only says a session may exist. */
const SIGNED_IN_HINT = /(?:^|;\s*)monitor_signed_in=1(?:;|$)/;

/**
 * The signed-in user, or null when nobody is signed in (a 401 here is an answer, not a failure). Without the
 * hint cookie nobody can be signed in, so public visitors are not sent to ask.
 */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  if (typeof document !== 'undefined' && !SIGNED_IN_HINT.test(document.cookie)) return null;
  try {
    return await getJson<Me>('/api/v1/auth/me', undefined, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
  });
}

/** Who is signed in: `data` is the user, or null when signed out. */
export function useMe() {
  return useQuery(meQueryOptions());
}
