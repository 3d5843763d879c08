import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import {
  formsApi,
  missionsApi,
  submissionsApi,
  type SitesFilter,
  type SiteSort,
  type SubmissionsQuery,
  type SummaryCounts,
} from './api';

/** Key factory: everything about one mission sits under ['monitoring', 'mission', id]. */
export const monitoringKeys = {
  all: ['monitoring'] as const,
  forms: ['monitoring', 'forms'] as const,
  form: (id: string) => ['monitoring', 'forms', id] as const,
  version: (id: string) => ['monitoring', 'form-version', id] as const,
  missions: ['monitoring', 'missions'] as const,
  mission: (id: string) => ['monitoring', 'mission', id] as const,
  sites: (id: string, q: object) => ['monitoring', 'mission', id, 'sites', q] as const,
  summary: (id: string, counts: SummaryCounts) => ['monitoring', 'mission', id, 'summary', counts] as const,
  messages: (id: string) => ['monitoring', 'mission', id, 'messages'] as const,
  observers: ['monitoring', 'observers'] as const,
  coordinatorCandidates: ['monitoring', 'coordinator-candidates'] as const,
  siteContacts: (siteId: string) => ['monitoring', 'site-contacts', siteId] as const,
  submissions: (q: SubmissionsQuery) => ['monitoring', 'submissions', q] as const,
  submission: (id: string) => ['monitoring', 'submission', id] as const,
};

/** A 4xx (missing, hidden, refused) is an answer, not a glitch: not retried. */
const noRetry4xx = (count: number, e: unknown) => !(e instanceof ApiError && e.status < 500) && count < 2;

/** Forms; `archived` also lists archived ones (the server leaves them out otherwise). */
export const useForms = (archived = false) =>
  useQuery({ queryKey: [...monitoringKeys.forms, { archived }], queryFn: () => formsApi.list(archived) });
export const useForm = (id: string, enabled = true) =>
  useQuery({
    queryKey: monitoringKeys.form(id),
    queryFn: () => formsApi.get(id),
    retry: noRetry4xx,
    enabled,
  });
export const useFormVersion = (id: string | null | undefined) =>
  useQuery({
    queryKey: monitoringKeys.version(id ?? ''),
    queryFn: () => formsApi.version(id!),
    enabled: !!id,
    retry: noRetry4xx,
    // A published version never changes.
    staleTime: Infinity,
  });

export const useMissions = () => useQuery({ queryKey: monitoringKeys.missions, queryFn: missionsApi.list });
export const useMission = (id: string) =>
  useQuery({ queryKey: monitoringKeys.mission(id), queryFn: () => missionsApi.get(id), retry: noRetry4xx });
/**
 * A page of a mission's sites; refreshed every 30 s while the mission runs, as the dashboard is: a
 * coordinator phoning down "still owing a checklist" must not call an observer who has just sent it.
 */
export const useSites = (
  id: string,
  q: SitesFilter & { q?: string; sort?: SiteSort; page?: number },
  live = false,
) =>
  useQuery({
    queryKey: monitoringKeys.sites(id, q),
    queryFn: () => missionsApi.sites(id, q),
    placeholderData: keepPreviousData,
    refetchInterval: live ? 30_000 : false,
  });
/** The dashboard numbers; refreshed every 30 s while the mission runs (election day). */
export const useSummary = (id: string, live: boolean, counts: SummaryCounts = 'received') =>
  useQuery({
    queryKey: monitoringKeys.summary(id, counts),
    queryFn: () => missionsApi.summary(id, counts),
    placeholderData: keepPreviousData,
    refetchInterval: live ? 30_000 : false,
  });
export const useObservers = () =>
  useQuery({ queryKey: monitoringKeys.observers, queryFn: missionsApi.observers, staleTime: 60_000 });
export const useCoordinatorCandidates = () =>
  useQuery({
    queryKey: monitoringKeys.coordinatorCandidates,
    queryFn: missionsApi.coordinatorCandidates,
    staleTime: 60_000,
  });

export const useSubmissions = (q: SubmissionsQuery) =>
  useQuery({
    queryKey: monitoringKeys.submissions(q),
    queryFn: () => submissionsApi.list(q),
    placeholderData: keepPreviousData,
  });
export const useSubmission = (id: string) =>
  useQuery({
    queryKey: monitoringKeys.submission(id),
    queryFn: () => submissionsApi.get(id),
    retry: noRetry4xx,
  });

/** Refreshes everything under a key prefix after a change. */
export function useInvalidate(): (...keys: readonly (readonly unknown[])[]) => Promise<void> {
  const qc = useQueryClient();
  return async (...keys) => {
    await Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey })));
  };
}
