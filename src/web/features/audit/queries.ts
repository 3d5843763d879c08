import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditApi } from './api';
import type { AuditSearch } from './search';

export const auditKeys = {
  all: ['audit'] as const,
  list: (lng: string, filters: AuditSearch) => ['audit', 'list', lng, filters] as const,
};

/** Audit entries for the filters, newest first, paged by the server's cursor. */
export function useAuditLog(filters: AuditSearch) {
  const { i18n } = useTranslation();
  return useInfiniteQuery({
    queryKey: auditKeys.list(i18n.language, filters),
    queryFn: ({ pageParam }) => auditApi.page(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
