/** Row types of the public report defences and monitoring exports (migration 0018, issue #5). */

/** A fixed-window counter; `key` is a keyed hash that names the window, so it is never reused. */
export interface RateLimitsTable {
  key: string;
  n: number;
  expires_at: string;
}

/** A used challenge (`c:<id>`) or a report fingerprint (`d:<hash>`), remembered until `expires_at`. */
export interface PublicMarksTable {
  key: string;
  expires_at: string;
}

/** status: queued | running | done | failed. The file is encrypted under `dek` (field `file`). */
export interface MonExportsTable {
  id: string;
  mission_id: string;
  requested_by: string;
  format: string;
  redacted: number;
  locale: string;
  status: string;
  total: number;
  rows: number;
  dek: string;
  storage_key: string | null;
  size: number | null;
  sha256: string | null;
  /** The part of the mission the file covers: `*` (all of it) or a JSON list of regions; null for exports made before migration 0032. */
  regions: string | null;
  /** One row per entry of this repeat group (a visit's interviews) instead of one per report; null = per report. */
  entries: string | null;
  created_at: string;
  updated_at: string;
}

export interface PublicTables {
  rate_limits: RateLimitsTable;
  public_marks: PublicMarksTable;
  mon_exports: MonExportsTable;
}
