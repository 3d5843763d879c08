import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { approvalsApi, usersApi } from './api';

/** Key factory; lists carry the language because the server may translate labels in them. */
export const usersKeys = {
  all: ['users'] as const,
  list: (lng: string) => ['users', 'list', lng] as const,
};

/** Pending approvals hold only names and ids, nothing translated. */
export const approvalsKeys = {
  all: ['approvals'] as const,
  list: () => ['approvals', 'list'] as const,
};

/** All users of the organisation (admins only). */
export function useUsers(enabled = true) {
  const { i18n } = useTranslation();
  return useQuery({ queryKey: usersKeys.list(i18n.language), queryFn: usersApi.list, enabled });
}

/** Changes waiting for a second administrator (admins only). */
export function useApprovals(enabled = true) {
  return useQuery({ queryKey: approvalsKeys.list(), queryFn: approvalsApi.list, enabled });
}

/**
 * Invalidate every cached users list and the pending approvals after a change: a role change may
 * create an approval, and deciding one changes a user.
 */
export function useInvalidateUsers(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: usersKeys.all }),
      queryClient.invalidateQueries({ queryKey: approvalsKeys.all }),
    ]);
  };
}
