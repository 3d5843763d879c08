/** Row types of the monitoring tables (migration 0016, issue #5). `_enc` columns hold ciphertext. */

export interface MissionsTable {
  id: string;
  /** `election` | `detention` | `trial` | `assembly`. */
  kind: string;
  title: string;
  description: string | null;
  /** `draft` | `active` | `closed`. */
  status: string;
  starts_on: string | null;
  ends_on: string | null;
  /** 1 = the aggregate summary is published on the public endpoint. */
  public: number;
  /** 1 = its coordinators also triage the public reports of the regions they coordinate here. */
  public_reports: number;
  /** What the public page counts: `received` (every report not rejected) or `verified` (ADR 0035). */
  public_counts: string;
  /** 1: the observers' phones must be locked with a PIN before a report is filled in (ADR 0031). */
  field_pin: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MissionFormsTable {
  mission_id: string;
  form_version_id: string;
  form_id: string;
  /** `checklist` | `incident` (the form's kind, copied: published versions never change). */
  form_kind: string;
  position: number;
}

export interface MissionCoordinatorsTable {
  id: string;
  mission_id: string;
  user_id: string;
  /** Region code, or null for the whole mission. */
  region: string | null;
  /**
   * 1 when an administrator stands behind the grant: they made it, or a whole-mission coordinator they
   * appointed did. Only appointed grants show observers' phone numbers (ADR 0025).
   */
  appointed: number;
}

export interface SitesTable {
  id: string;
  mission_id: string;
  code: string;
  name: string;
  /** `polling_station` | `detention` | `court` | `assembly` | `other`. */
  kind: string;
  region: string;
  district: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  /** Planned visits (ADR 0037): the site expects each checklist form this many times; 1 on election day. */
  visits: number;
  created_at: string;
  updated_at: string;
}

export interface SiteObserversTable {
  site_id: string;
  user_id: string;
  mission_id: string;
}

export interface SubmissionsTable {
  id: string;
  /** The field app's UUID: a retry, replay or double tap with it stores once. */
  client_id: string;
  /** `observer` | `public`. */
  source: string;
  mission_id: string | null;
  site_id: string | null;
  observer_id: string | null;
  form_id: string;
  form_version_id: string;
  /** `checklist` | `incident`. */
  form_kind: string;
  region: string | null;
  district: string | null;
  critical: number;
  /** `received` | `in_review` | `verified` | `published` | `rejected`. */
  status: string;
  flag_translate: number;
  flag_geolocate: number;
  flag_verify: number;
  flag_urgent: number;
  submitted_at: string;
  received_at: string;
  /** JSON of the answers, encrypted under the record's key (field `answers`). */
  answers: string;
  dek: string;
  locked_by: string | null;
  locked_until: string | null;
  violation_event_id: string | null;
  case_id: string | null;
  updated_at: string;
  /** The reviewer the report was given to (review.assign.ts); null for most. */
  assigned_to: string | null;
  /** The report this one repeats, while it is rejected as its duplicate (review.duplicates.ts). */
  duplicate_of: string | null;
  /** Keys of the questions a reviewer corrected, comma-separated (review.correct.ts); null if none. */
  corrected: string | null;
}

export interface SubmissionHistoryTable {
  id: string;
  submission_id: string;
  at: string;
  user_id: string | null;
  /** `received` | `transition` | `to_violation` | `to_case`. */
  action: string;
  from_status: string | null;
  to_status: string | null;
  reason_enc: string | null;
  /** The violation event or case made from the submission. */
  ref_id: string | null;
  /** `correct`: the answers changed, `[{key, from, to}]` as JSON, encrypted under the report's key. */
  detail_enc: string | null;
}

/** An erased observer's report's clientId, so that a resend stores nothing (review.erase.ts, ADR 0029). */
export interface ErasedSubmissionsTable {
  client_id: string;
  submission_id: string;
  observer_id: string;
  erased_at: string;
}

export interface SubmissionTranslationsTable {
  submission_id: string;
  /** ky | ru | en */
  locale: string;
  /** Under the submission's key (field `translation:<locale>`). */
  body_enc: string;
  /** Who wrote (or last changed) it, and when. */
  user_id: string;
  at: string;
}

/** A coordinator's message to the observers of a mission, or of one region of it (ADR 0033). */
export interface MissionMessagesTable {
  id: string;
  mission_id: string;
  /** Region code, or null for every observer of the mission. */
  region: string | null;
  /** The message's own data key, wrapped by the KEK. */
  dek: string;
  /** Field `body`. */
  body_enc: string;
  author_id: string;
  created_at: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

export interface MissionMessageReadsTable {
  message_id: string;
  user_id: string;
  read_at: string;
}

export interface SubmissionCommentsTable {
  id: string;
  submission_id: string;
  at: string;
  user_id: string;
  body_enc: string;
}

export interface UploadsTable {
  id: string;
  client_id: string;
  user_id: string;
  dek: string;
  name_enc: string | null;
  size: number;
  sha256: string;
  received: number;
  complete: number;
  mime: string | null;
  storage_key: string | null;
  created_at: string;
  updated_at: string;
  /** A metadata-free JPEG of at most 320 px of a photo, made by the job `monitoring.upload_thumb`. */
  thumb_key: string | null;
  thumb_sha256: string | null;
  thumb_size: number | null;
}

export interface UploadPartsTable {
  upload_id: string;
  start_at: number;
  size: number;
  storage_key: string;
}

export interface MonCountSiteFormTable {
  mission_id: string;
  site_id: string;
  form_id: string;
  n: number;
}

export interface MonCountRegionTable {
  mission_id: string;
  region: string;
  received: number;
  submissions: number;
  incidents: number;
  critical: number;
  /** The same, of the verified and published reports only (submissions.counts.verified.ts). */
  verified_incidents: number;
  verified_critical: number;
}

export interface MonCountAnswerTable {
  mission_id: string;
  region: string;
  form_id: string;
  field: string;
  value: string;
  n: number;
  /** Of the verified and published reports only. */
  verified: number;
}

export interface MonCountHourTable {
  mission_id: string;
  region: string;
  hour: string;
  incidents: number;
  critical: number;
  verified_incidents: number;
  verified_critical: number;
}

/** The answers a public results page shows, moved on in steps (ADR 0039; summary.public.answers.ts). */
export interface MonPublicAnswersTable {
  mission_id: string;
  /** What the answers count: `received` or `verified` (the mission's public setting). */
  counts: string;
  version: number;
  /** JSON: the summary's public answer rows, unsuppressed (withheld when served). */
  answers: string;
  taken_at: string;
}

/** One row (id 1): moved on by triggers on every change to sites, missions, their forms and assignments. */
export interface MonTopologyTable {
  id: number;
  generation: number;
}

export interface MonitoringTables {
  missions: MissionsTable;
  mission_forms: MissionFormsTable;
  mission_coordinators: MissionCoordinatorsTable;
  sites: SitesTable;
  site_observers: SiteObserversTable;
  submissions: SubmissionsTable;
  submission_history: SubmissionHistoryTable;
  submission_comments: SubmissionCommentsTable;
  submission_translations: SubmissionTranslationsTable;
  erased_submissions: ErasedSubmissionsTable;
  uploads: UploadsTable;
  upload_parts: UploadPartsTable;
  mon_count_site_form: MonCountSiteFormTable;
  mon_count_region: MonCountRegionTable;
  mon_count_answer: MonCountAnswerTable;
  mon_count_hour: MonCountHourTable;
  mon_public_answers: MonPublicAnswersTable;
  mon_topology: MonTopologyTable;
  mission_messages: MissionMessagesTable;
  mission_message_reads: MissionMessageReadsTable;
}
