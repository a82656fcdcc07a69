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

let signingOut = false;

/**
 * True for a moment after a deliberate sign-out. React Router commits the navigation away from a staff page in a
 * transition, so that page can render once more with no user; its guard must not then send the person to the
 * sign-in page (which is what made the sign-out test flaky).
 */
export function isSigningOut(): boolean {
  return signingOut;
}

export function useSignOut({ onSignedOut }: UseSignOutOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: async () => {
      signingOut = true;
      try {
        await onSignedOut?.();
        await applySignedInUser(queryClient, null);
      } finally {
        setTimeout(() => (signingOut = false), 1000);
      }
    },
  });
}
