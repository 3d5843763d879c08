import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { profileApi } from './api';

export const profileKeys = {
  sessions: (lng: string) => ['profile', 'sessions', lng] as const,
  allSessions: ['profile', 'sessions'] as const,
};

/** The person's active sessions across devices. */
export function useSessions() {
  const { i18n } = useTranslation();
  return useQuery({ queryKey: profileKeys.sessions(i18n.language), queryFn: profileApi.sessions });
}
