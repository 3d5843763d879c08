import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { peopleApi, type CasePersonRole, type PeopleFilters } from './api';

/** Key factory; match answers carry the language because the server translates their reasons. */
export const peopleKeys = {
  all: ['people'] as const,
  list: (filters: PeopleFilters, page: number) => ['people', 'list', filters, page] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
  match: (lng: string, name: string, idNumber?: string, excludeId?: string, forRole?: CasePersonRole) =>
    ['people', 'match', lng, name, idNumber ?? null, excludeId ?? null, forRole ?? null] as const,
};

/** One page of people for the filters; the previous page stays on screen while the next loads. */
export function usePeople(filters: PeopleFilters, page: number) {
  return useQuery({
    queryKey: peopleKeys.list(filters, page),
    queryFn: () => peopleApi.list(filters, page),
    placeholderData: keepPreviousData,
  });
}

/** One person; a person the user may not see answers 404 like a missing one (no retries then). */
export function usePerson(id: string | null | undefined) {
  return useQuery({
    queryKey: peopleKeys.detail(id ?? ''),
    queryFn: () => peopleApi.get(id ?? ''),
    enabled: Boolean(id),
    retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 2,
  });
}

/** Names shorter than this are not checked: two letters match half the registry. */
export const MIN_MATCH_LENGTH = 3;

/**
 * The live duplicate / conflict check for a name being typed (debounced, so one request per pause).
 * `pending` is true while the user is still typing or the answer is on its way.
 */
export function useNameMatch(
  name: string,
  opts: { idNumber?: string; excludeId?: string; forRole?: CasePersonRole; delay?: number } = {},
) {
  const { i18n } = useTranslation();
  const trimmed = name.trim();
  const [debounced] = useDebouncedValue(trimmed, opts.delay ?? 400);
  const [idNumber] = useDebouncedValue(opts.idNumber?.trim() || undefined, opts.delay ?? 400);
  const enabled = debounced.length >= MIN_MATCH_LENGTH;
  const q = useQuery({
    queryKey: peopleKeys.match(i18n.language, debounced, idNumber, opts.excludeId, opts.forRole),
    queryFn: () =>
      peopleApi.match({
        name: debounced,
        ...(idNumber ? { idNumber } : {}),
        ...(opts.excludeId ? { excludeId: opts.excludeId } : {}),
        ...(opts.forRole ? { forRole: opts.forRole } : {}),
      }),
    enabled,
    staleTime: 10_000,
    placeholderData: keepPreviousData,
  });
  return {
    matches: enabled ? (q.data?.matches ?? []) : [],
    pending: trimmed !== debounced || (enabled && q.isFetching),
    error: q.error,
    checked: enabled && q.isSuccess,
  };
}

/** Invalidate lists, details and matches after any change to a person. */
export function useInvalidatePeople(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: peopleKeys.all });
}
