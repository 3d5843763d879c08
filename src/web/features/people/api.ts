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

/**
 * A literal list that must name every member of the union `T`: the compiler fails when the server's
 * schema gains a value the screens do not know yet.
 */
function allOf<T extends string>() {
  return <const A extends readonly T[]>(list: A & ([T] extends [A[number]] ? unknown : never)): A => list;
}

export const SEXES = allOf<Sex>()(['female', 'male', 'other', 'unknown']);
export const AGE_GROUPS = allOf<AgeGroup>()([
  'child_0_13',
  'child_14_17',
  'adult_18_29',
  'adult_30_59',
  'older_60',
  'unknown',
]);
export const VULNERABILITIES = allOf<Vulnerability>()([
  'woman',
  'child',
  'disability',
  'detainee',
  'hrd',
  'journalist',
  'lgbt',
  'ethnic_minority',
  'migrant',
]);
export const CASE_PERSON_ROLES = allOf<CasePersonRole>()([
  'client',
  'victim',
  'witness',
  'opposing_party',
  'perpetrator',
  'relative',
  'representative',
  'lawyer',
  'judge',
  'other',
]);
export const ID_KINDS = allOf<IdKind>()(['passport', 'national_id', 'birth_certificate', 'other']);
export const CONTACT_KINDS = allOf<ContactKind>()(['phone', 'email', 'messenger', 'other']);
export const SCRIPTS = allOf<Script>()(['cyrl', 'latn', 'other']);

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
