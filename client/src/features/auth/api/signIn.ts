import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import type { components } from '../../../api/schema';
import { meQueryKey, type Me } from './getMe';

export type SignInResponse = components['schemas']['SignInResponseDto'];
export type SignInInput = Pick<components['schemas']['SignInDto'], 'username' | 'password'>;

/** Signs in with a session cookie (the server's default mode for browsers). */
export function signIn(input: SignInInput): Promise<SignInResponse> {
  return sendJson<SignInResponse>('POST', '/api/v1/auth/login', input);
}

/**
 * After the signed-in user changes, every other cached answer may differ (staff see drafts, the public does not):
 * they are marked stale and fetched again where shown.
 */
export function applySignedInUser(queryClient: QueryClient, user: Me | null): Promise<void> {
  queryClient.setQueryData(meQueryKey, user);
  return queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: ({ user }) => applySignedInUser(queryClient, user),
  });
}
