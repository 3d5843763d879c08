import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { violationsApi, type Event, type EventsQuery } from './api';

/**
 * Key factory. Everything about one event sits under ['violations', 'event', id] so one invalidation
 * refreshes the event and whatever hangs off it (evidence included).
 */
export const violationsKeys = {
  all: ['violations'] as const,
  list: (q: EventsQuery) => ['violations', 'list', q] as const,
  event: (id: string) => ['violations', 'event', id] as const,
  detail: (id: string) => ['violations', 'event', id, 'detail'] as const,
};

/** One page of events for the filters, with facet counts; the last page stays while the next loads. */
export function useEventList(q: EventsQuery, enabled = true) {
  return useQuery({
    queryKey: violationsKeys.list(q),
    queryFn: () => violationsApi.list(q),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One event (a 404 means missing or not visible: the two are never told apart, and not retried). */
export function useEvent(id: string) {
  return useQuery({
    queryKey: violationsKeys.detail(id),
    queryFn: () => violationsApi.get(id),
    retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 2,
  });
}

/** After any change to an event: the event, its parts, every list and people's roles. */
export function useInvalidateEvent(id: string): (fresh?: Event) => Promise<void> {
  const queryClient = useQueryClient();
  return async (fresh) => {
    if (fresh) queryClient.setQueryData(violationsKeys.detail(id), fresh);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: violationsKeys.event(id) }),
      queryClient.invalidateQueries({ queryKey: ['violations', 'list'] }),
      queryClient.invalidateQueries({ queryKey: ['people'] }),
    ]);
  };
}
