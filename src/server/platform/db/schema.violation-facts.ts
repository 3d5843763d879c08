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

/** Events whose facts changed (migration 0020, ADR 0016); `*` after a rebuild. */
export interface VioFactLogTable {
  seq: Generated<number | string>;
  event_id: string;
}

export interface ViolationFactsTables {
  vio_fact_events: VioFactEventsTable;
  vio_fact_tags: VioFactTagsTable;
  vio_fact_log: VioFactLogTable;
}
