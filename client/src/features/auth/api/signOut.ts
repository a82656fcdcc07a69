import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../api/http';
import { applySignedInUser } from './signIn';

/** Ends the session on the server (the cookie is cleared by the reply). */
export function signOut(): Promise<void> {
  return sendJson<void>('POST', '/api/v1/auth/logout');
}

interface UseSignOutOptions {
  /**
   * Runs once the server has ended the session and before the app forgets the user: leave a staff-only page here,
   * or its guard would send the person to the sign-in page first.
   */
  onSignedOut?: () => void | Promise<void>;
}

export function useSignOut({ onSignedOut }: UseSignOutOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: async () => {
      await onSignedOut?.();
      await applySignedInUser(queryClient, null);
    },
  });
}
