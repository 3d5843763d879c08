import { useQuery, useQueryClient } from '@tanstack/react-query';
import { casesKeys } from '../cases/queries';
import { documentsApi } from './api';

/** Key factory: everything about one case's documents sits under ['documents', caseId]. */
export const documentsKeys = {
  case: (caseId: string) => ['documents', caseId] as const,
  list: (caseId: string) => ['documents', caseId, 'list'] as const,
  versions: (caseId: string, docId: string) => ['documents', caseId, 'versions', docId] as const,
};

export function useDocuments(caseId: string) {
  return useQuery({ queryKey: documentsKeys.list(caseId), queryFn: () => documentsApi.list(caseId) });
}

export function useVersions(caseId: string, docId: string, enabled: boolean) {
  return useQuery({
    queryKey: documentsKeys.versions(caseId, docId),
    queryFn: () => documentsApi.versions(caseId, docId),
    enabled,
  });
}

/** Refresh the documents and the case timeline (uploads and downloads are both on it). */
export function useInvalidateDocuments(caseId: string) {
  const qc = useQueryClient();
  return async () => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: documentsKeys.case(caseId) }),
      qc.invalidateQueries({ queryKey: casesKeys.part(caseId, 'timeline') }),
    ]);
  };
}
