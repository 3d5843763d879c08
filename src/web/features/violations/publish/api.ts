import type { z } from 'zod';
import type * as S from '../../../../core/schemas/violation-stats';
import { api } from '../../../api/client';

export type Publication = z.infer<typeof S.Publication>;
export type PublicationSummary = z.infer<typeof S.PublicationList>['items'][number];
export type PublicationCreate = z.input<typeof S.PublicationCreate>;
export type PublicDataset = z.infer<typeof S.PublicDataset>;
export type PublicationStatus = Publication['status'];

const one = (id: string) => `/api/violations/publications/${encodeURIComponent(id)}`;

/** Anonymised public datasets: drafts with a preview, publish (re-auth, audited) and withdraw. */
export const publishApi = {
  list: () => api.get<{ items: PublicationSummary[] }>('/api/violations/publications'),
  get: (id: string) => api.get<Publication>(one(id)),
  create: (body: PublicationCreate) => api.post<{ id: string }>('/api/violations/publications', body),
  publish: (id: string) => api.post<unknown>(`${one(id)}/publish`),
  withdraw: (id: string) => api.post<unknown>(`${one(id)}/withdraw`),
};
