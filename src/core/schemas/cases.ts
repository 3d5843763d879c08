import { z } from 'zod';
import {
  CASE_STATUSES,
  CASE_STAGES,
  TEAM_ROLES,
  MEMBER_ROLES,
  LINK_KINDS,
  URGENCIES,
  INTAKE_DECISIONS,
  TIME_ACTIVITIES,
  ELIGIBILITY_BASES,
} from '../legal-codes.ts';

export {
  CASE_STATUSES,
  CASE_STAGES,
  TEAM_ROLES,
  MEMBER_ROLES,
  LINK_KINDS,
  URGENCIES,
  INTAKE_DECISIONS,
  TIME_ACTIVITIES,
  ELIGIBILITY_BASES,
};
import { IsoTime, Uuid } from './common.ts';
import { CASE_PERSON_ROLES, DateOnly, DistrictIdField, RegionCodeField } from './people.ts';

/** Legal-aid case files (issue #3). Vocabulary codes (type, problems, closing) are checked by the server. */

export const VocabCode = z.string().regex(/^[a-z0-9_.]{1,60}$/);
export const Tag = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{N} _.\-/]+$/u);

const caseFields = {
  type: VocabCode,
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(10_000).optional(),
  problemCodes: z.array(VocabCode).max(20).optional(),
  restricted: z.boolean().optional(),
  region: RegionCodeField.optional(),
  district: DistrictIdField.optional(),
  court: z.string().trim().max(200).optional(),
  judge: z.string().trim().max(200).optional(),
  docketNumber: z.string().trim().max(100).optional(),
  stage: z.enum(CASE_STAGES).optional(),
  openedOn: DateOnly.optional(),
  funders: z.array(Tag).max(10).optional(),
};

export const CaseCreate = z.strictObject({
  ...caseFields,
  /** The lead lawyer; defaults to the creating user. */
  leadUserId: Uuid.optional(),
  people: z
    .array(z.strictObject({ personId: Uuid, role: z.enum(CASE_PERSON_ROLES) }))
    .max(50)
    .optional(),
});
export const CasePatch = z.strictObject({
  type: VocabCode.optional(),
  title: caseFields.title.optional(),
  summary: z.string().trim().max(10_000).nullable().optional(),
  problemCodes: caseFields.problemCodes,
  restricted: z.boolean().optional(),
  region: RegionCodeField.nullable().optional(),
  district: DistrictIdField.nullable().optional(),
  court: z.string().trim().max(200).nullable().optional(),
  judge: z.string().trim().max(200).nullable().optional(),
  docketNumber: z.string().trim().max(100).nullable().optional(),
  stage: z.enum(CASE_STAGES).nullable().optional(),
  funders: caseFields.funders,
});

export const CaseMember = z.object({
  userId: Uuid,
  name: z.string(),
  role: z.enum(MEMBER_ROLES),
});
export const CasePersonInRole = z.object({
  id: Uuid,
  personId: Uuid,
  role: z.enum(CASE_PERSON_ROLES),
  name: z.string(),
});

export const Case = z.object({
  id: Uuid,
  number: z.string(),
  type: z.string(),
  status: z.enum(CASE_STATUSES),
  stage: z.enum(CASE_STAGES).nullable(),
  restricted: z.boolean(),
  title: z.string(),
  summary: z.string().nullable(),
  problemCodes: z.array(z.string()),
  region: z.string().nullable(),
  district: z.string().nullable(),
  court: z.string().nullable(),
  judge: z.string().nullable(),
  docketNumber: z.string().nullable(),
  funders: z.array(z.string()),
  leadUserId: Uuid,
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  closingCode: z.string().nullable(),
  outcomeSummary: z.string().nullable(),
  team: z.array(CaseMember),
  people: z.array(CasePersonInRole),
  links: z.array(z.object({ kind: z.enum(LINK_KINDS), targetId: Uuid })),
  /** What this user may do here, so the screen shows only what works. */
  canEdit: z.boolean(),
  canManageTeam: z.boolean(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});

export const CaseSummary = z.object({
  id: Uuid,
  number: z.string(),
  type: z.string(),
  status: z.enum(CASE_STATUSES),
  stage: z.enum(CASE_STAGES).nullable(),
  restricted: z.boolean(),
  title: z.string(),
  region: z.string().nullable(),
  leadUserId: Uuid,
  leadName: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
});

export const CasesQuery = z.strictObject({
  /** A case number (or its beginning) or words of the title, summary, court or docket number. */
  q: z.string().trim().max(200).optional(),
  type: VocabCode.optional(),
  status: z.enum(CASE_STATUSES).optional(),
  region: RegionCodeField.optional(),
  lawyer: Uuid.optional(),
  stage: z.enum(CASE_STAGES).optional(),
  /** Only cases where I am on the team. */
  mine: z.enum(['1', '0']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
const Facet = z.array(z.object({ value: z.string(), count: z.number() }));
export const CaseList = z.object({
  items: z.array(CaseSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  facets: z.object({ type: Facet, status: Facet, region: Facet, lawyer: Facet }),
});

export const MemberBody = z.strictObject({ userId: Uuid, role: z.enum(MEMBER_ROLES) });
export const CasePersonBody = z.strictObject({ personId: Uuid, role: z.enum(CASE_PERSON_ROLES) });
export const LinkBody = z.strictObject({ kind: z.enum(LINK_KINDS), targetId: Uuid });
export const CloseBody = z.strictObject({
  closingCode: VocabCode,
  outcomeSummary: z.string().trim().min(1).max(10_000),
  closedOn: DateOnly.optional(),
});
export const ReopenBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

export const NoteBody = z.strictObject({ body: z.string().trim().min(1).max(50_000) });
export const Note = z.object({
  id: Uuid,
  body: z.string(),
  authorId: Uuid,
  authorName: z.string(),
  createdAt: IsoTime,
});
export const TaskBody = z.strictObject({
  title: z.string().trim().min(1).max(500),
  dueOn: DateOnly.optional(),
  assigneeId: Uuid.optional(),
});
export const TaskPatch = z.strictObject({ done: z.boolean() });
export const Task = z.object({
  id: Uuid,
  title: z.string(),
  dueOn: z.string().nullable(),
  assigneeId: Uuid.nullable(),
  done: z.boolean(),
  doneAt: IsoTime.nullable(),
  createdAt: IsoTime,
});
export const TimeBody = z.strictObject({
  workedOn: DateOnly,
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  activity: z.enum(TIME_ACTIVITIES),
  funder: Tag.optional(),
  note: z.string().trim().max(2000).optional(),
});
export const TimeEntry = z.object({
  id: Uuid,
  userId: Uuid,
  userName: z.string(),
  workedOn: z.string(),
  minutes: z.number(),
  activity: z.enum(TIME_ACTIVITIES),
  funder: z.string().nullable(),
  note: z.string().nullable(),
});
export const TimelineEntry = z.object({
  id: Uuid,
  at: IsoTime,
  actorId: Uuid.nullable(),
  actorName: z.string().nullable(),
  kind: z.string(),
  refId: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export const StatsQuery = z.strictObject({ year: z.coerce.number().int().min(1990).max(2100) });
const Breakdown = z.array(z.object({ value: z.string(), people: z.number() }));
export const Stats = z.object({
  year: z.number(),
  /** Unduplicated people assisted: a person with three cases counts once. */
  people: z.number(),
  /** The subset assisted as victims of human-rights violations (see `definitions`). */
  victims: z.number(),
  cases: z.number(),
  casesOpened: z.number(),
  casesClosed: z.number(),
  byType: Breakdown,
  bySex: Breakdown,
  byAgeGroup: Breakdown,
  byRegion: Breakdown,
  byVulnerability: Breakdown,
  byOutcome: Breakdown,
  definitions: z.object({ people: z.string(), victims: z.string() }),
});

export const VocabTerm = z.object({
  code: z.string(),
  parent: z.string().nullable(),
  labels: z.object({ ky: z.string(), ru: z.string(), en: z.string() }),
  active: z.boolean(),
});
export const VocabReply = z.object({ scheme: z.string(), version: z.number(), terms: z.array(VocabTerm) });

export const EligibilityInput = z.strictObject({
  /** Monthly household income in som. */
  householdIncome: z.number().min(0).max(1e9).optional(),
  householdSize: z.number().int().min(1).max(50).optional(),
  /** Value of assets in som. */
  assets: z.number().min(0).max(1e10).optional(),
});
export const IntakeCreate = z.strictObject({ personId: Uuid });
export const IntakePatch = z.strictObject({
  description: z.string().trim().max(20_000).optional(),
  problemCodes: z.array(VocabCode).max(20).optional(),
  caseType: VocabCode.optional(),
  urgency: z.enum(URGENCIES).optional(),
  eligibility: EligibilityInput.optional(),
  /** Overriding the rules' answer needs a recorded reason. */
  override: z
    .strictObject({ eligible: z.boolean(), reason: z.string().trim().min(1).max(2000) })
    .nullable()
    .optional(),
});
export const DecisionBody = z.strictObject({
  decision: z.enum(INTAKE_DECISIONS),
  /** Required for refer and reject. */
  reason: z.string().trim().min(1).max(2000).optional(),
  /** Required for refer: the organisation or lawyer referred to. */
  referredTo: z.string().trim().min(1).max(300).optional(),
  /** For accept: the lead lawyer of the new case (default: the deciding user). */
  leadUserId: Uuid.optional(),
  title: z.string().trim().min(1).max(200).optional(),
  restricted: z.boolean().optional(),
});
export const IntakeConflict = z.object({
  personId: Uuid,
  /** Filled when the intake is read: false (and no name) for people this user may not see. */
  visible: z.boolean(),
  name: z.string().nullable(),
  score: z.number(),
  reasons: z.array(z.string()),
  roles: z.array(z.string()),
  conflict: z.boolean(),
});
export const Intake = z.object({
  id: Uuid,
  personId: Uuid.nullable(),
  personName: z.string().nullable(),
  status: z.enum(['draft', 'decided']),
  urgency: z.enum(URGENCIES).nullable(),
  caseType: z.string().nullable(),
  problemCodes: z.array(z.string()),
  description: z.string().nullable(),
  eligibility: z.object({
    householdIncome: z.number().nullable(),
    householdSize: z.number().nullable(),
    assets: z.number().nullable(),
  }),
  eligible: z.boolean().nullable(),
  eligibilityBasis: z.enum(ELIGIBILITY_BASES),
  overrideReason: z.string().nullable(),
  conflicts: z.array(IntakeConflict).nullable(),
  conflictCheckedAt: IsoTime.nullable(),
  decision: z.enum(INTAKE_DECISIONS).nullable(),
  decisionReason: z.string().nullable(),
  referredTo: z.string().nullable(),
  caseId: Uuid.nullable(),
  createdAt: IsoTime,
  decidedAt: IsoTime.nullable(),
});
export const IntakeSummary = z.object({
  id: Uuid,
  personName: z.string().nullable(),
  status: z.enum(['draft', 'decided']),
  urgency: z.enum(URGENCIES).nullable(),
  decision: z.enum(INTAKE_DECISIONS).nullable(),
  createdAt: IsoTime,
});
export const EligibilityRules = z.strictObject({
  /** Monthly income per household member (som) at or under which a person is eligible. */
  incomePerPersonMax: z.number().min(0).max(1e9),
  /** Assets (som) above which a person is not eligible on income grounds. */
  assetsMax: z.number().min(0).max(1e10),
  /** Vulnerability or problem codes that make a person eligible whatever the income. */
  alwaysEligible: z.array(VocabCode).max(50),
});
