import type { Generated } from 'kysely';

/**
 * Row types of the legal-aid tables: people, vocabularies, cases and intakes (migration 0005) and case
 * documents (migration 0007).
 */

export interface PeopleTable {
  id: string;
  dek: string;
  kind: string;
  names_enc: string;
  aliases_enc: string | null;
  sex: string;
  gender_enc: string | null;
  birth_date_enc: string | null;
  age_group: string;
  region: string | null;
  district: string | null;
  id_numbers_enc: string | null;
  contacts_enc: string | null;
  address_enc: string | null;
  notes_enc: string | null;
  group_size: number | null;
  merged_into: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface PersonVulnerabilitiesTable {
  person_id: string;
  code: string;
}

export interface PersonKeysTable {
  key: string;
  person_id: string;
  kind: string;
}

export interface VocabTermsTable {
  scheme: string;
  code: string;
  parent_code: string | null;
  label_ky: string;
  label_ru: string;
  label_en: string;
  sort: number;
  active: number;
  version_added: number;
  version_retired: number | null;
  /** Where the term came from: Ukuk's own lists, the HURIDOCS micro-thesauri, or added locally. */
  origin: Generated<'ukuk' | 'huridocs' | 'local'>;
  /** A reference such as a constitution article ("56", "6(3)") or a treaty article ("ICCPR 7"). */
  ref: string | null;
  /** 'reviewed' by a person, a machine-assisted 'draft', or 'missing' (label empty, shown in fallback). */
  ky_status: Generated<'reviewed' | 'draft' | 'missing'>;
  ru_status: Generated<'reviewed' | 'draft' | 'missing'>;
}

export interface VocabVersionsTable {
  scheme: string;
  version: number;
  updated_at: string;
  /** Hash of the shipped source of the scheme at its last import (null: never imported from files). */
  source_hash: string | null;
}

export interface CasesTable {
  id: string;
  dek: string;
  number: string;
  type: string;
  status: string;
  stage: string | null;
  restricted: number;
  region: string | null;
  district: string | null;
  title_enc: string;
  summary_enc: string | null;
  court: string | null;
  judge: string | null;
  docket_bidx: string | null;
  docket_enc: string | null;
  lead_user_id: string;
  opened_on: string;
  closed_on: string | null;
  closing_code: string | null;
  outcome_enc: string | null;
  intake_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CaseProblemsTable {
  case_id: string;
  code: string;
}

export interface CaseFundersTable {
  case_id: string;
  tag: string;
}

export interface CaseMembersTable {
  case_id: string;
  user_id: string;
  role: string;
  added_by: string;
  added_at: string;
}

export interface CasePeopleTable {
  id: string;
  case_id: string;
  person_id: string;
  role: string;
  added_at: string;
}

export interface CaseLinksTable {
  case_id: string;
  kind: string;
  target_id: string;
  added_at: string;
}

export interface CaseNotesTable {
  id: string;
  case_id: string;
  dek: string;
  author_id: string;
  body_enc: string;
  created_at: string;
}

export interface CaseTasksTable {
  id: string;
  case_id: string;
  dek: string;
  title_enc: string;
  due_on: string | null;
  assignee_id: string | null;
  done_at: string | null;
  done_by: string | null;
  created_by: string;
  created_at: string;
}

export interface CaseTimeTable {
  id: string;
  case_id: string;
  dek: string;
  user_id: string;
  worked_on: string;
  minutes: number;
  activity: string;
  funder: string | null;
  note_enc: string | null;
  created_at: string;
}

export interface CaseTimelineTable {
  id: string;
  case_id: string;
  at: string;
  actor_id: string | null;
  kind: string;
  ref_id: string | null;
  params: string;
}

export interface IntakesTable {
  id: string;
  dek: string;
  person_id: string | null;
  status: string;
  urgency: string | null;
  case_type: string | null;
  problem_codes: string;
  description_enc: string | null;
  eligibility_enc: string | null;
  eligible: number | null;
  eligibility_basis: string | null;
  override_reason_enc: string | null;
  conflicts: string | null;
  conflict_checked_at: string | null;
  decision: string | null;
  decision_reason_enc: string | null;
  referred_to_enc: string | null;
  case_id: string | null;
  created_by: string;
  decided_by: string | null;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
}

export interface CaseDocumentsTable {
  id: string;
  case_id: string;
  /** Id of the first version; every version of one document shares it. */
  group_id: string;
  version: number;
  dek: string;
  name_enc: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: string;
}
