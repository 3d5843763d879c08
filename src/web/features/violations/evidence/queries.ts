import { useQuery, useQueryClient } from '@tanstack/react-query';
import { evidenceApi, type EvidenceOwner } from './api';

/** Everything about one owner's evidence sits under ['vio-evidence', kind, id]. */
export const evidenceKeys = {
  owner: (o: EvidenceOwner) => ['vio-evidence', o.kind, o.id] as const,
  custody: (id: string) => ['vio-evidence', 'custody', id] as const,
};

export function useEvidence(owner: EvidenceOwner) {
  return useQuery({
    queryKey: evidenceKeys.owner(owner),
    queryFn: () => evidenceApi.list(owner),
    // Thumbnails and text extraction run in the background: look again until they are done.
    refetchInterval: (q) => (q.state.data?.items.some((e) => !e.derived) ? 3000 : false),
  });
}

export function useCustody(id: string, enabled: boolean) {
  return useQuery({
    queryKey: evidenceKeys.custody(id),
    queryFn: () => evidenceApi.custody(id),
    enabled,
    // Every look at the list is itself logged: always fetch anew when opened.
    staleTime: 0,
    gcTime: 0,
  });
}

/** Refresh the evidence of an owner (after an upload or a verification). */
export function useInvalidateEvidence(owner: EvidenceOwner) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: evidenceKeys.owner(owner) });
}
