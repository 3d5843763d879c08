import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { statsApi } from './api';

/** The `definitions` text comes translated from the server, so the key carries the language. */
export const statsKeys = {
  all: ['stats'] as const,
  year: (year: number, lng: string) => ['stats', year, lng] as const,
};

export function useStats(year: number) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: statsKeys.year(year, i18n.language),
    queryFn: () => statsApi.get(year),
    placeholderData: (prev) => prev,
  });
}
