import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asLocale } from '../../i18n';
import { casesApi, type Case, type CasesQuery, type VocabScheme, type VocabTerm } from './api';

/**
 * Key factory. Lists and the case carry the language: the server translates error messages and may
 * translate labels. Everything about one case sits under ['cases', 'case', id] so one invalidation
 * refreshes the case, its notes, tasks, time and timeline together.
 */
export const casesKeys = {
  all: ['cases'] as const,
  list: (q: CasesQuery) => ['cases', 'list', q] as const,
  case: (id: string) => ['cases', 'case', id] as const,
  detail: (id: string) => ['cases', 'case', id, 'detail'] as const,
  part: (id: string, part: 'notes' | 'tasks' | 'time' | 'timeline') => ['cases', 'case', id, part] as const,
  assignable: ['cases', 'assignable'] as const,
  vocab: (scheme: VocabScheme) => ['vocab', scheme] as const,
};

/** One page of cases for the filters, with facet counts. */
export function useCaseList(q: CasesQuery) {
  return useQuery({
    queryKey: casesKeys.list(q),
    queryFn: () => casesApi.list(q),
    placeholderData: (prev) => prev,
  });
}

/** One case (a 404 means missing or not visible: the two are never told apart). */
export function useCase(id: string) {
  return useQuery({ queryKey: casesKeys.detail(id), queryFn: () => casesApi.get(id) });
}

export function useNotes(id: string) {
  return useQuery({ queryKey: casesKeys.part(id, 'notes'), queryFn: () => casesApi.notes(id) });
}
export function useTasks(id: string) {
  return useQuery({ queryKey: casesKeys.part(id, 'tasks'), queryFn: () => casesApi.tasks(id) });
}
export function useTime(id: string) {
  return useQuery({ queryKey: casesKeys.part(id, 'time'), queryFn: () => casesApi.time(id) });
}
export function useTimeline(id: string) {
  return useQuery({ queryKey: casesKeys.part(id, 'timeline'), queryFn: () => casesApi.timeline(id) });
}

/** Users who can join a case team or be granted access (names for the lawyer filter too). */
export function useAssignableUsers(enabled = true) {
  return useQuery({
    queryKey: casesKeys.assignable,
    queryFn: casesApi.assignableUsers,
    enabled,
    staleTime: 60_000,
  });
}

/** A vocabulary with labels in all three languages; it changes rarely. */
export function useVocab(scheme: VocabScheme) {
  return useQuery({
    queryKey: casesKeys.vocab(scheme),
    queryFn: () => casesApi.vocab(scheme),
    staleTime: 300_000,
  });
}

/**
 * The label of a vocabulary code in the UI language. A code the vocabulary no longer lists (or while it
 * loads) shows as the code itself, so old cases never lose their meaning silently.
 */
export function useVocabLabels(scheme: VocabScheme): {
  terms: VocabTerm[];
  label: (code: string) => string;
  isPending: boolean;
} {
  const { i18n } = useTranslation();
  const lng = asLocale(i18n.resolvedLanguage ?? i18n.language) ?? 'ky';
  const vocab = useVocab(scheme);
  const terms = vocab.data?.terms ?? [];
  const byCode = new Map(terms.map((t) => [t.code, t]));
  return {
    terms,
    label: (code) => byCode.get(code)?.labels[lng] ?? code,
    isPending: vocab.isPending,
  };
}

/** After any change to a case: the case itself, its parts, and every list. */
export function useInvalidateCase(id: string): (fresh?: Case) => Promise<void> {
  const queryClient = useQueryClient();
  return async (fresh) => {
    if (fresh) queryClient.setQueryData(casesKeys.detail(id), fresh);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: casesKeys.case(id) }),
      queryClient.invalidateQueries({ queryKey: ['cases', 'list'] }),
    ]);
  };
}
