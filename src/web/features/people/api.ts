import type { z } from 'zod';
import { api, query } from '../../api/client';
import type {
  Created,
  MatchBody,
  MatchReply,
  PeopleList,
  PeopleQuery,
  Person as PersonSchema,
  PersonCreate,
  PersonPatch,
} from '../../../core/schemas/people';

// Types come from the server's schemas (type-only: zod itself stays out of the web bundle).
export type Person = z.infer<typeof PersonSchema>;
export type PersonSummary = z.infer<typeof PeopleList>['items'][number];
export type PeoplePage = z.infer<typeof PeopleList>;
export type PeopleFilters = Omit<z.infer<typeof PeopleQuery>, 'page'>;
export type PersonInput = z.infer<typeof PersonCreate>;
export type PersonPatchInput = z.infer<typeof PersonPatch>;
export type MatchInput = z.infer<typeof MatchBody>;
export type Match = z.infer<typeof MatchReply>['matches'][number];
export type Sex = Person['sex'];
export type AgeGroup = Person['ageGroup'];
export type Vulnerability = Person['vulnerabilities'][number];
export type CasePersonRole = Person['roles'][number]['role'];
export type IdKind = Person['idNumbers'][number]['kind'];
export type ContactKind = NonNullable<Person['contacts']>[number]['kind'];
export type Script = Person['names'][number]['script'];
export type MatchReason = Match['reasons'][number];

// Code lists shared with the server (plain data, no zod in the bundle).
export {
  SEXES,
  AGE_GROUPS,
  VULNERABILITIES,
  CASE_PERSON_ROLES,
  ID_KINDS,
  CONTACT_KINDS,
} from '../../../core/legal-codes';
export const SCRIPTS = ['cyrl', 'latn', 'other'] as const satisfies readonly Script[];

/** The shared people registry. */
export const peopleApi = {
  list: (filters: PeopleFilters, page: number) =>
    api.get<PeoplePage>(`/api/people${query({ ...filters, page: page > 1 ? page : undefined })}`),
  get: (id: string) => api.get<Person>(`/api/people/${id}`),
  create: (input: PersonInput) => api.post<z.infer<typeof Created>>('/api/people', input),
  update: (id: string, patch: PersonPatchInput) => api.patch<Person>(`/api/people/${id}`, patch),
  match: (input: MatchInput) => api.post<z.infer<typeof MatchReply>>('/api/people/match', input),
  /** Merges `otherId` into `id`; the server asks for re-authentication (the API client handles it). */
  merge: (id: string, otherId: string) => api.post<Person>(`/api/people/${id}/merge`, { otherId }),
};
