/** Row types of the violations module (migration 0009, issue #4). `_enc` columns hold ciphertext. */

export interface VioEventsTable {
  id: string;
  dek: string;
  /** Human-readable number, e.g. `EV-2026-00017`. */
  number: string;
  title_enc: string;
  description_enc: string | null;
  start_date: string | null;
  /** `day` | `month` | `year`: how much of `start_date` is known. */
  start_precision: string | null;
  end_date: string | null;
  end_precision: string | null;
  region: string | null;
  district: string | null;
  place_enc: string | null;
  /** Code of `esf_violation_status`. */
  violation_status: string | null;
  restricted: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface VioEventMembersTable {
  event_id: string;
  user_id: string;
  /** `lead` | `member` | `grant` (read-only). */
  role: string;
  added_by: string;
  added_at: string;
}

export interface VioActsTable {
  id: string;
  event_id: string;
  dek: string;
  victim_id: string;
  /** Code of `esf_types_of_acts`. */
  act_type: string;
  start_date: string | null;
  start_precision: string | null;
  end_date: string | null;
  end_precision: string | null;
  region: string | null;
  district: string | null;
  place_enc: string | null;
  location_type: string | null;
  /** JSON array of `esf_methods_of_violence` codes. */
  methods: string;
  /** JSON array of `local_legislation` codes. */
  national_law: string;
  /** JSON array of `esf_international_instruments` codes. */
  instruments: string;
  consequences_enc: string | null;
  status_at_end: string | null;
  /** `arrest` | `torture` | `killing` or null. */
  details_kind: string | null;
  details_enc: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface VioActRightsTable {
  act_id: string;
  /** `esf_rights_typology` | `kg_constitution` | `intl_rights`. */
  scheme: string;
  code: string;
}

export interface VioInvolvementsTable {
  id: string;
  act_id: string;
  dek: string;
  perpetrator_id: string;
  degree: string | null;
  perpetrator_type: string | null;
  status: string | null;
  remarks_enc: string | null;
  created_by: string;
  created_at: string;
}

export interface VioInformationTable {
  id: string;
  event_id: string;
  dek: string;
  source_id: string | null;
  connection: string | null;
  material_type: string | null;
  reliability: string | null;
  language: string | null;
  received_on: string | null;
  remarks_enc: string | null;
  created_by: string;
  created_at: string;
}

export interface VioInterventionsTable {
  id: string;
  event_id: string;
  dek: string;
  party_id: string | null;
  victim_id: string | null;
  type: string | null;
  intervened_on: string | null;
  response: string | null;
  impact: string | null;
  status: string | null;
  remarks_enc: string | null;
  created_by: string;
  created_at: string;
}

export interface VioChainTable {
  id: string;
  from_event_id: string;
  to_event_id: string;
  type: string;
  created_by: string;
  created_at: string;
}

export interface VioEvidenceTable {
  id: string;
  event_id: string | null;
  act_id: string | null;
  person_id: string | null;
  dek: string;
  name_enc: string;
  description_enc: string | null;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  thumb_key: string | null;
  /** SHA-256 and size of the thumbnail's plaintext (migration 0013), checked by `ukuk files verify`. */
  thumb_sha256: string | null;
  thumb_size: number | null;
  /** When the derivation job (thumbnail, text index) finished; null while it is pending. */
  derived_at: string | null;
  text_indexed: number;
  verified_at: string | null;
  /** `ok` | `missing` | `damaged` | `mismatch`. */
  verify_result: string | null;
  uploaded_by: string;
  uploaded_at: string;
}

export interface VioCustodyTable {
  id: string;
  evidence_id: string;
  at: string;
  user_id: string | null;
  /** `upload` | `view` | `download` | `export` | `verify`. */
  action: string;
  result: string | null;
}

export interface VioPublicationsTable {
  id: string;
  /** `draft` | `published` | `withdrawn`. */
  status: string;
  title: string;
  params: string;
  threshold: number;
  /** JSON of suppressed aggregates: never a person-level row. */
  dataset: string;
  created_by: string;
  created_at: string;
  published_by: string | null;
  published_at: string | null;
  withdrawn_at: string | null;
}

export interface ViolationsTables {
  vio_events: VioEventsTable;
  vio_event_members: VioEventMembersTable;
  vio_acts: VioActsTable;
  vio_act_rights: VioActRightsTable;
  vio_involvements: VioInvolvementsTable;
  vio_information: VioInformationTable;
  vio_interventions: VioInterventionsTable;
  vio_chain: VioChainTable;
  vio_evidence: VioEvidenceTable;
  vio_custody: VioCustodyTable;
  vio_publications: VioPublicationsTable;
}
