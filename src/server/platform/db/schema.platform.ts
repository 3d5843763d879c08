/**
 * Row types of the platform tables (migrations 0001 foundation, 0002 search, 0003 passkeys and
 * 0004 approvals): settings, users, sessions, audit log, jobs, keys, search documents and approvals.
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
  /** 1: hearing reminders are e-mailed too (the bell always has them). */
  email_reminders: number;
  /** 1: critical-incident alerts are e-mailed too. */
  email_critical: number;
  /** 1: reports given to them for review are e-mailed too. */
  email_assigned: number;
  /** Phone number, encrypted under the record key (field `phone`); null when not given. */
  phone_enc: string | null;
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
