import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { resetCsrf } from '../../api/client';
import { authKeys, fetchMeOrNull } from './queries';
import type { NextStep } from './api';

/** Only same-app paths are accepted as a post-login destination (no open redirects). */
export function safeRedirect(redirect: string | undefined): string {
  return redirect && redirect.startsWith('/') && !redirect.startsWith('//') ? redirect : '/';
}

/** After the last login step: new CSRF token, fresh `me`, then the page the person wanted. */
export function useFinishLogin(): (redirect?: string) => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (redirect?: string) => {
      resetCsrf();
      await queryClient.fetchQuery({ queryKey: authKeys.me, queryFn: fetchMeOrNull, staleTime: 0 });
      await navigate({ to: safeRedirect(redirect) });
    },
    [navigate, queryClient],
  );
}

/** Sends a half-logged-in session to the step the server asked for. */
export function useGoToNextStep(): (
  step: { next: NextStep; passkey?: boolean },
  redirect?: string,
) => Promise<void> {
  const navigate = useNavigate();
  return useCallback(
    async ({ next, passkey }: { next: NextStep; passkey?: boolean }, redirect?: string) => {
      resetCsrf();
      if (next === 'totp') {
        // The flag only offers the passkey button; the server still decides whether one exists.
        await navigate({ to: '/login/totp', search: { redirect, passkey: passkey || undefined } });
      } else {
        await navigate({ to: '/enroll', search: { redirect } });
      }
    },
    [navigate],
  );
}
