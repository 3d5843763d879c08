import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { vstatsApi, type StatsOptions } from './api';
import type { StatsFilters } from './search';

/** The unit definitions come translated from the server, so the key carries the language. */
export const vstatsKeys = {
  all: ['vio-stats'] as const,
  stats: (filters: StatsFilters, o: StatsOptions, lng: string) => ['vio-stats', filters, o, lng] as const,
};

export function useViolationStats(filters: StatsFilters, o: StatsOptions) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: vstatsKeys.stats(filters, o, i18n.language),
    queryFn: () => vstatsApi.get(filters, o),
    placeholderData: keepPreviousData,
  });
}
