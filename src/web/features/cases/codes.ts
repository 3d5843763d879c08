import type * as S from '../../../core/schemas/cases';
import type { CASE_PERSON_ROLES } from '../../../core/schemas/people';

/** Roles a person can hold in a case, in the order a lawyer thinks of them (CASE_PERSON_ROLES). */
export const PERSON_ROLES = [
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
/** Code lists mirrored from src/core/schemas/cases.ts (kept out of the bundle: the schemas pull in zod). */
export const CASE_STATUSES = ['open', 'closed'] as const;
export const CASE_STAGES = [
  'investigation',
  'first_instance',
  'appeal',
  'cassation',
  'supreme_court',
  'un_treaty_body',
] as const;
export const MEMBER_ROLES = ['lead', 'co_counsel', 'paralegal', 'grant'] as const;
export const TIME_ACTIVITIES = [
  'consultation',
  'court',
  'drafting',
  'research',
  'travel',
  'detention_visit',
  'other',
] as const;
export const LINK_KINDS = ['violation_event', 'violation_act'] as const;

// Compile-time proof that the mirrors above list exactly the schema's codes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Of<T extends readonly string[]> = T[number];
const _mirrors: [
  Same<Of<typeof PERSON_ROLES>, Of<typeof CASE_PERSON_ROLES>>,
  Same<Of<typeof CASE_STATUSES>, Of<typeof S.CASE_STATUSES>>,
  Same<Of<typeof CASE_STAGES>, Of<typeof S.CASE_STAGES>>,
  Same<Of<typeof MEMBER_ROLES>, Of<typeof S.MEMBER_ROLES>>,
  Same<Of<typeof TIME_ACTIVITIES>, Of<typeof S.TIME_ACTIVITIES>>,
  Same<Of<typeof LINK_KINDS>, Of<typeof S.LINK_KINDS>>,
] = [true, true, true, true, true, true];
