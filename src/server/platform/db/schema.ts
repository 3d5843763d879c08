import type { Generated } from 'kysely';
import type { StatsTables } from './schema.stats.ts';
import type { ViolationsTables } from './schema.violations.ts';
import type { ViolationFactsTables } from './schema.violation-facts.ts';
import type { FormsTables } from './schema.forms.ts';
import type { MonitoringTables } from './schema.monitoring.ts';
import type { PublicTables } from './schema.public.ts';

/**
 * Row types of every table, as Kysely sees them. Timestamps are ISO-8601 UTC text and flags are
 * integers 0/1 on both databases, so that the same code reads the same values from SQLite and PostgreSQL.
 * Columns ending in `_enc` hold envelope ciphertext; `dek` holds the record's wrapped data key.
 */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email_bidx: string;
  email_enc: string;
  name_enc: string;
  dek: string;
  role: string;
  locale: string;
  status: string;
  password_hash: string | null;
  totp_secret_enc: string | null;
  totp_enabled: number;
  totp_last_step: number;
  invite_token_hash: string | null;
  invite_expires_at: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  stage: string;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  reauth_until: string | null;
  challenge: string | null;
  challenge_expires_at: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface JobsTable {
  id: string;
  type: string;
  payload: string;
  state: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  locked_by: string | null;
  locked_until: string | null;
  unique_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface KeyringTable {
  id: string;
  mode: string;
  kek_check: string;
  kek_wrapped: string | null;
  kdf_salt: string | null;
  created_at: string;
}

export interface SystemStateTable {
  id: string;
  sealed: number;
  epoch: number;
  updated_at: string;
}

export interface NodeKeysTable {
  node_id: string;
  public_key: string;
  wrapped_kek: string | null;
  epoch: number;
  last_seen_at: string;
}

export interface SearchDocsTable {
  id: string;
  scope: string;
  entity_type: string;
  entity_id: string;
  lang: string;
  sensitive: number;
  updated_at: string;
}

export interface WebauthnCredentialsTable {
  id: string;
  user_id: string;
  credential_id: string;
  public_key: string;
  counter: number;
  transports: string;
  name_enc: string;
  created_at: string;
  last_used_at: string | null;
}

export interface ApprovalsTable {
  id: string;
  kind: string;
  target_id: string;
  payload: string;
  status: string;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

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

export interface HearingsTable {
  id: string;
  case_id: string;
  dek: string;
  kind: string;
  starts_at: string;
  ends_at: string | null;
  court: string | null;
  room: string | null;
  note_enc: string | null;
  lawyer_id: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  entity_type: string;
  entity_id: string;
  params: string;
  created_at: string;
  read_at: string | null;
}

export interface CalendarFeedsTable {
  id: string;
  user_id: string;
  token_hash: string;
  scope: string;
  created_at: string;
  revoked_at: string | null;
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

export interface Database
  extends ViolationsTables, ViolationFactsTables, StatsTables, FormsTables, MonitoringTables, PublicTables {
  settings: SettingsTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  keyring: KeyringTable;
  system_state: SystemStateTable;
  node_keys: NodeKeysTable;
  search_docs: SearchDocsTable;
  webauthn_credentials: WebauthnCredentialsTable;
  approvals: ApprovalsTable;
  people: PeopleTable;
  person_vulnerabilities: PersonVulnerabilitiesTable;
  person_keys: PersonKeysTable;
  vocab_terms: VocabTermsTable;
  vocab_versions: VocabVersionsTable;
  cases: CasesTable;
  case_problems: CaseProblemsTable;
  case_funders: CaseFundersTable;
  case_members: CaseMembersTable;
  case_people: CasePeopleTable;
  case_links: CaseLinksTable;
  case_notes: CaseNotesTable;
  case_tasks: CaseTasksTable;
  case_time: CaseTimeTable;
  case_timeline: CaseTimelineTable;
  intakes: IntakesTable;
  hearings: HearingsTable;
  notifications: NotificationsTable;
  calendar_feeds: CalendarFeedsTable;
  case_documents: CaseDocumentsTable;
}
