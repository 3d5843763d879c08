import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { passkeysApi } from './api';

/** Names are the person's own words and dates are formatted here: nothing depends on language. */
export const passkeyKeys = {
  list: ['passkeys', 'list'] as const,
};

/** The signed-in person's passkeys. */
export function usePasskeys() {
  return useQuery({ queryKey: passkeyKeys.list, queryFn: passkeysApi.list });
}

/** Refetches the passkey list after an add or a removal. */
export function useInvalidatePasskeys(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: passkeyKeys.list }), [queryClient]);
}
