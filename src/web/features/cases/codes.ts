/** Code lists shared with the server (plain data, no zod in the bundle). */
export {
  CASE_PERSON_ROLES as PERSON_ROLES,
  CASE_STATUSES,
  CASE_STAGES,
  MEMBER_ROLES,
  TIME_ACTIVITIES,
  LINK_KINDS,
} from '../../../core/legal-codes';
