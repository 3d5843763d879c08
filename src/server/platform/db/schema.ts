import type { StatsTables } from './schema.stats.ts';
import type { ViolationsTables } from './schema.violations.ts';
import type { ViolationFactsTables } from './schema.violation-facts.ts';
import type { FormsTables } from './schema.forms.ts';
import type { MonitoringTables } from './schema.monitoring.ts';
import type { PublicTables } from './schema.public.ts';
import type {
  SettingsTable,
  UsersTable,
  RecoveryCodesTable,
  SessionsTable,
  LoginThrottleTable,
  AuditLogTable,
  JobsTable,
  KeyringTable,
  SystemStateTable,
  NodeKeysTable,
  SearchDocsTable,
  WebauthnCredentialsTable,
  ApprovalsTable,
} from './schema.platform.ts';
import type {
  PeopleTable,
  PersonVulnerabilitiesTable,
  PersonKeysTable,
  VocabTermsTable,
  VocabVersionsTable,
  CasesTable,
  CaseProblemsTable,
  CaseFundersTable,
  CaseMembersTable,
  CasePeopleTable,
  CaseLinksTable,
  CaseNotesTable,
  CaseTasksTable,
  CaseTimeTable,
  CaseTimelineTable,
  IntakesTable,
  CaseDocumentsTable,
} from './schema.legal.ts';
import type { HearingsTable, NotificationsTable, CalendarFeedsTable } from './schema.calendar.ts';

/**
 * Row types of every table, as Kysely sees them. Timestamps are ISO-8601 UTC text and flags are
 * integers 0/1 on both databases, so that the same code reads the same values from SQLite and PostgreSQL.
 * Columns ending in `_enc` hold envelope ciphertext; `dek` holds the record's wrapped data key.
 */
export type * from './schema.platform.ts';
export type * from './schema.legal.ts';
export type * from './schema.calendar.ts';

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
