import { z } from 'zod';
import {
  SEXES,
  AGE_GROUPS,
  VULNERABILITIES,
  ID_KINDS,
  CONTACT_KINDS,
  PERSON_KINDS,
  CASE_PERSON_ROLES,
} from '../legal-codes.ts';

export { SEXES, AGE_GROUPS, VULNERABILITIES, ID_KINDS, CONTACT_KINDS, PERSON_KINDS, CASE_PERSON_ROLES };
import { NAME_MATCH_REASONS } from '../names/index.ts';
import { IsoTime, Uuid } from './common.ts';

/** The shared people registry (issue #3): used by legal aid, violations and monitoring. */

export const RegionCodeField = z.string().regex(/^KG-[A-Z]{1,2}$/);
export const DistrictIdField = z.string().regex(/^\d{1,20}$/);
/** A date with its precision: full date, year and month, or year only. */
export const PartialDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/);
export const DateOnly = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

export const NameInput = z.strictObject({
  full: z.string().trim().min(1).max(200),
  script: z.enum(['cyrl', 'latn', 'other']).optional(),
});
export const IdNumberInput = z.strictObject({
  kind: z.enum(ID_KINDS),
  number: z.string().trim().min(1).max(60),
});
export const ContactInput = z.strictObject({
  kind: z.enum(CONTACT_KINDS),
  value: z.string().trim().min(1).max(200),
  safe: z.boolean(),
  hours: z.string().trim().max(100).optional(),
});

const personFields = {
  names: z.array(NameInput).min(1).max(10),
  aliases: z.array(z.string().trim().min(1).max(200)).max(20).optional(),
  kind: z.enum(PERSON_KINDS).optional(),
  groupSize: z.number().int().min(2).max(1_000_000).optional(),
  sex: z.enum(SEXES).optional(),
  gender: z.string().trim().max(100).optional(),
  birthDate: PartialDate.optional(),
  ageGroup: z.enum(AGE_GROUPS).optional(),
  region: RegionCodeField.optional(),
  district: DistrictIdField.optional(),
  idNumbers: z.array(IdNumberInput).max(10).optional(),
  contacts: z.array(ContactInput).max(10).optional(),
  address: z.string().trim().max(500).optional(),
  vulnerabilities: z.array(z.enum(VULNERABILITIES)).max(VULNERABILITIES.length).optional(),
  notes: z.string().trim().max(5000).optional(),
};

/** `POST /api/people`: only `names` is required. */
export const PersonCreate = z.strictObject(personFields);
/** `PATCH /api/people/:id`: any subset; an omitted field is left as it is, `null` clears it. */
export const PersonPatch = z.strictObject({
  ...personFields,
  names: personFields.names.optional(),
  groupSize: personFields.groupSize.unwrap().nullable().optional(),
  birthDate: PartialDate.nullable().optional(),
  region: RegionCodeField.nullable().optional(),
  district: DistrictIdField.nullable().optional(),
});

export const PersonRole = z.object({
  caseId: Uuid,
  caseNumber: z.string(),
  role: z.enum(CASE_PERSON_ROLES),
});

export const Person = z.object({
  id: Uuid,
  names: z.array(z.object({ full: z.string(), script: z.enum(['cyrl', 'latn', 'other']) })),
  aliases: z.array(z.string()),
  kind: z.enum(PERSON_KINDS),
  groupSize: z.number().nullable(),
  sex: z.enum(SEXES),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  ageGroup: z.enum(AGE_GROUPS),
  region: z.string().nullable(),
  district: z.string().nullable(),
  idNumbers: z.array(z.object({ kind: z.enum(ID_KINDS), number: z.string() })),
  /** null when hidden from this user (field-level need-to-know): see `contactsHidden`. */
  contacts: z
    .array(
      z.object({
        kind: z.enum(CONTACT_KINDS),
        value: z.string(),
        safe: z.boolean(),
        hours: z.string().nullable(),
      }),
    )
    .nullable(),
  address: z.string().nullable(),
  contactsHidden: z.boolean(),
  vulnerabilities: z.array(z.enum(VULNERABILITIES)),
  notes: z.string().nullable(),
  roles: z.array(PersonRole),
  mergedInto: Uuid.nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});

export const PersonSummary = z.object({
  id: Uuid,
  name: z.string(),
  otherNames: z.array(z.string()),
  kind: z.enum(PERSON_KINDS),
  sex: z.enum(SEXES),
  ageGroup: z.enum(AGE_GROUPS),
  region: z.string().nullable(),
  vulnerabilities: z.array(z.enum(VULNERABILITIES)),
  roles: z.array(z.enum(CASE_PERSON_ROLES)),
  updatedAt: IsoTime,
});

export const PeopleQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  region: RegionCodeField.optional(),
  vulnerability: z.enum(VULNERABILITIES).optional(),
  role: z.enum(CASE_PERSON_ROLES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export const PeopleList = z.object({
  items: z.array(PersonSummary),
  page: z.number(),
  hasMore: z.boolean(),
});

export const MATCH_REASONS = [...NAME_MATCH_REASONS, 'id_number'] as const;

export const MatchBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  idNumber: z.string().trim().min(1).max(60).optional(),
  /** Leave this person out (checking an existing record for duplicates). */
  excludeId: Uuid.optional(),
  /** The role the person would take: a match holding an adverse role is flagged as a conflict. */
  forRole: z.enum(CASE_PERSON_ROLES).optional(),
});
export const Match = z.object({
  id: Uuid,
  score: z.number().min(0).max(1),
  /** Why it matched, in the caller's language. */
  reason: z.string(),
  reasons: z.array(z.enum(MATCH_REASONS)),
  /** False when the person exists only in records this user may not see: the name is then withheld. */
  visible: z.boolean(),
  name: z.string().nullable(),
  /** Roles across all cases (a conflict shows even through cases the user cannot open). */
  roles: z.array(z.enum(CASE_PERSON_ROLES)),
  conflict: z.boolean(),
});
export const MatchReply = z.object({ matches: z.array(Match).max(20) });

export const MergeBody = z.strictObject({ otherId: Uuid });
export const Created = z.object({ id: Uuid });
