import { useQuery, useQueryClient } from '@tanstack/react-query';
import { calendarApi, type CalendarParams } from './api';

/** Key factory: calendars by range and filters, a case's hearings, the feed status, notifications. */
export const calendarKeys = {
  all: ['calendar'] as const,
  range: (p: CalendarParams) => ['calendar', 'range', p.from, p.to, p.scope, p.lawyer ?? ''] as const,
  caseHearings: (caseId: string) => ['calendar', 'case', caseId] as const,
  feed: ['calendar', 'feed'] as const,
  notifications: ['notifications'] as const,
};

/** Entries of a calendar page. Kept while the next range loads, so switching weeks does not flash. */
export function useCalendar(p: CalendarParams) {
  return useQuery({
    queryKey: calendarKeys.range(p),
    queryFn: () => calendarApi.calendar(p),
    placeholderData: (prev) => prev,
  });
}

export function useCaseHearings(caseId: string) {
  return useQuery({
    queryKey: calendarKeys.caseHearings(caseId),
    queryFn: () => calendarApi.caseHearings(caseId),
  });
}

export function useFeedStatus() {
  return useQuery({ queryKey: calendarKeys.feed, queryFn: calendarApi.feed });
}

/**
 * My notifications; polled every 30 seconds, as the election-day dashboard is, so a reminder or a
 * critical incident shows up without reloading.
 */
export function useNotifications() {
  return useQuery({
    queryKey: calendarKeys.notifications,
    queryFn: calendarApi.notifications,
    refetchInterval: 30_000,
    refetchIntervalInBackground: false,
  });
}

/** Refresh every calendar and hearing list after a change. */
export function useInvalidateCalendar(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: calendarKeys.all });
  };
}
