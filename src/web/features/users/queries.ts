import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usersApi } from './api';

/** Key factory; lists carry the language because the server may translate labels in them. */
export const usersKeys = {
  all: ['users'] as const,
  list: (lng: string) => ['users', 'list', lng] as const,
};

/** All users of the organisation (admins only). */
export function useUsers(enabled = true) {
  const { i18n } = useTranslation();
  return useQuery({ queryKey: usersKeys.list(i18n.language), queryFn: usersApi.list, enabled });
}

/** Invalidate every cached users list after a change. */
export function useInvalidateUsers(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: usersKeys.all });
}
