/**
 * The code lists of the legal-aid module (people registry, cases, intake) as plain data: the zod
 * schemas build on them and the web app imports them without bundling the schema library.
 */

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;

export const AGE_GROUPS = [
  'child_0_13',
  'child_14_17',
  'adult_18_29',
  'adult_30_59',
  'older_60',
  'unknown',
] as const;

export const VULNERABILITIES = [
  'woman',
  'child',
  'disability',
  'detainee',
  'hrd',
  'journalist',
  'lgbt',
  'ethnic_minority',
  'migrant',
] as const;

export const ID_KINDS = ['passport', 'national_id', 'birth_certificate', 'other'] as const;

export const CONTACT_KINDS = ['phone', 'email', 'messenger', 'other'] as const;

export const PERSON_KINDS = ['individual', 'group'] as const;

/** Roles a person can hold in a case (violations and monitoring add their own in their records). */
export const CASE_PERSON_ROLES = [
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
] as const;

export const CASE_STATUSES = ['open', 'closed'] as const;

export const CASE_STAGES = [
  'investigation',
  'first_instance',
  'appeal',
  'cassation',
  'supreme_court',
  'un_treaty_body',
] as const;

export const TEAM_ROLES = ['lead', 'co_counsel', 'paralegal'] as const;

export const MEMBER_ROLES = [...TEAM_ROLES, 'grant'] as const;

export const LINK_KINDS = ['violation_event', 'violation_act'] as const;

export const URGENCIES = ['critical', 'high', 'normal', 'low'] as const;

export const INTAKE_DECISIONS = ['accept', 'refer', 'reject'] as const;

export const TIME_ACTIVITIES = [
  'consultation',
  'court',
  'drafting',
  'research',
  'travel',
  'detention_visit',
  'other',
] as const;

/** Intake: who → problem → urgency → eligibility → conflict check → decision. Nothing is pre-filled. */
export const ELIGIBILITY_BASES = ['category', 'income', 'not_eligible', 'override', 'unknown'] as const;
