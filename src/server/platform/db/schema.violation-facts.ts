import type { Generated } from 'kysely';

/** Derived tables of violation lists and statistics (migration 0017, ADR 0011). Codes and ids only. */

export interface VioFactEventsTable {
  event_id: string;
  restricted: number;
  number: string;
  region: string | null;
  district: string | null;
  start_date: string | null;
  status: string | null;
  /** JSON of the codes the counts were last taken from (`violations.facts.ts` `Snap`). */
  snap: string;
}

export interface VioFactTagsTable {
  tag: string;
  event_id: string;
}

export interface VioFactCountsTable {
  /** `''` (no filter), a tag, or `b:` + month bucket (`YYYY-MM`, or `YYYY` for a year-only date). */
  fkey: string;
  tag: string;
  /** Events under the filter and the tag. */
  ne: number;
  /** Acts under both (act-level tags and filters apply to the act itself). */
  na: number;
  /** Events with at least one such act. */
  nea: number;
}

export interface VioFactSubjectsTable {
  /** `v` victim record, `p` perpetrator record. */
  role: string;
  /** `root|kind|group size` for victims, `root` for perpetrators. */
  subject: string;
  m: number;
}

/** Events whose facts changed (migration 0020, ADR 0016); `*` after a rebuild. */
export interface VioFactLogTable {
  seq: Generated<number | string>;
  event_id: string;
}

export interface ViolationFactsTables {
  vio_fact_events: VioFactEventsTable;
  vio_fact_tags: VioFactTagsTable;
  vio_fact_counts: VioFactCountsTable;
  vio_fact_subjects: VioFactSubjectsTable;
  vio_fact_log: VioFactLogTable;
}
