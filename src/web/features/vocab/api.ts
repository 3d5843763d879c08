import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { VocabSchemeList, VocabTermCreate, VocabTermPatch } from '../../../core/schemas/vocab';
import { api } from '../../api/client';
import { vocabKey, type VocabScheme, type VocabTerm } from '../../components/vocab/useVocabulary';

export type SchemeList = z.infer<typeof VocabSchemeList>;
export type SchemeSummary = SchemeList['schemes'][number];
export type TermPatch = z.infer<typeof VocabTermPatch>;
export type TermCreate = z.infer<typeof VocabTermCreate>;

export const vocabListKey = ['vocab-list'] as const;

export function useSchemeList() {
  return useQuery({ queryKey: vocabListKey, queryFn: () => api.get<SchemeList>('/api/vocab') });
}

/** After a change: the edited term goes straight into the cached scheme; counts are refetched. */
function useApply(scheme: string) {
  const qc = useQueryClient();
  return async (term: VocabTerm) => {
    qc.setQueryData<VocabScheme>(vocabKey(scheme), (old) => {
      if (!old) return old;
      const at = old.terms.findIndex((x) => x.code === term.code);
      const terms = at >= 0 ? old.terms.map((x, i) => (i === at ? term : x)) : [...old.terms, term];
      return { ...old, version: old.version + 1, terms };
    });
    await qc.invalidateQueries({ queryKey: vocabListKey });
  };
}

export function usePatchTerm(scheme: string) {
  const apply = useApply(scheme);
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: TermPatch }) =>
      api.patch<VocabTerm>(`/api/vocab/${scheme}/${encodeURIComponent(code)}`, body),
    onSuccess: apply,
  });
}

export function useAddTerm(scheme: string) {
  const apply = useApply(scheme);
  return useMutation({
    mutationFn: (body: TermCreate) => api.post<VocabTerm>(`/api/vocab/${scheme}/terms`, body),
    onSuccess: apply,
  });
}
