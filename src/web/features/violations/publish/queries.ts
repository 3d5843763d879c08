import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { publishApi } from './api';

export const publishKeys = {
  all: ['vio-publications'] as const,
  list: () => ['vio-publications', 'list'] as const,
  one: (id: string, lng: string) => ['vio-publications', 'one', id, lng] as const,
};

export function usePublications() {
  return useQuery({ queryKey: publishKeys.list(), queryFn: publishApi.list });
}

export function usePublication(id: string | undefined) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: publishKeys.one(id ?? '', i18n.language),
    queryFn: () => publishApi.get(id ?? ''),
    enabled: Boolean(id),
  });
}

export function useInvalidatePublications() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: publishKeys.all });
}
