import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { resetCsrf } from '../api/client';
import { authApi } from '../features/auth/api';
import { authKeys } from '../features/auth/queries';

/** Ends the session (this device, or everywhere), drops every cached answer and goes to login. */
export function useLogout(): (everywhere?: boolean) => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (everywhere = false) => {
      try {
        await (everywhere ? authApi.logoutAll() : authApi.logout());
      } finally {
        resetCsrf();
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'system' });
        queryClient.setQueryData(authKeys.me, null);
        await navigate({ to: '/login' });
      }
    },
    [navigate, queryClient],
  );
}
