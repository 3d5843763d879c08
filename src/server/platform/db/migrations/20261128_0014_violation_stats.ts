import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * Indexes for violation statistics and exports (issue #4; bench/violations.ts). Every figure walks the
 * acts of the counted events: with the act's type, victim and id in one index keyed by event, the
 * walk never reads the act rows themselves (SQLite and PostgreSQL both answer from the index).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('vio_acts_event_cover')
    .on('vio_acts')
    .columns(['event_id', 'act_type', 'victim_id', 'id'])
    .execute();
  // The event side of the same walk: what the filters and breakdowns read, without the wide rows
  // (titles, narratives and keys) that a table scan would drag through the cache.
  await db.schema
    .createIndex('vio_events_stats_cover')
    .on('vio_events')
    .columns(['restricted', 'id', 'region', 'district', 'start_date', 'violation_status'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('vio_events_stats_cover').ifExists().execute();
  await db.schema.dropIndex('vio_acts_event_cover').ifExists().execute();
}
