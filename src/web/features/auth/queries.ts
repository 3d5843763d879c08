import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { authApi, type Me } from './api';

/**
 * The current user is deliberately not keyed by language: switching language updates
 * `me.locale` via PATCH, and a language-keyed refetch could race and flip it back.
 */
export const authKeys = {
  me: ['auth', 'me'] as const,
  enrollment: ['auth', 'enrollment'] as const,
  invite: (token: string) => ['auth', 'invite', token] as const,
};

/** Resolves to the signed-in user, or null when there is no full session. */
export async function fetchMeOrNull(): Promise<Me | null> {
  try {
    return await authApi.me();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      return null;
    }
    throw e;
  }
}

/** The signed-in user (null when logged out). */
export function useMe() {
  return useQuery({ queryKey: authKeys.me, queryFn: fetchMeOrNull, staleTime: 30_000 });
}

/** True when the user holds a capability such as `users.manage`. */
export function can(me: Me | null | undefined, capability: string): boolean {
  return Boolean(me?.capabilities.includes(capability));
}
