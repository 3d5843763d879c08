import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * Covering indexes for the speed targets of issue #3 (bench/legal.ts: 200,000 people, 100,000 cases).
 * Each lets a hot query read an index alone instead of one wide, encrypted row per index entry, and
 * gives SQLite (which has no planner statistics: the application never runs ANALYZE) a plan it picks
 * by itself. `ifNotExists`: SQLite runs migrations outside a transaction, so a run cut short between
 * two indexes must be able to start again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Conflict check (peopleRepo.candidates): a query's keys match thousands of key rows; the grouping
  // reads key, person and kind from here, and the "not merged" test from the next index.
  await db.schema
    .createIndex('person_keys_lookup')
    .ifNotExists()
    .on('person_keys')
    .columns(['key', 'person_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('people_id_merged')
    .ifNotExists()
    .on('people')
    .columns(['id', 'merged_into'])
    .execute();

  // Case list and facets (casesRepo.list/facets): every facet drops one filter, so one index leads
  // with the lawyer (type, status, region facets) and one with status (lawyer facet, list, total). Both
  // hold `restricted` and `id` for the need-to-know condition.
  await db.schema
    .createIndex('cases_lead_facets')
    .ifNotExists()
    .on('cases')
    .columns(['lead_user_id', 'status', 'type', 'region', 'restricted', 'id'])
    .execute();
  await db.schema
    .createIndex('cases_filter_facets')
    .ifNotExists()
    .on('cases')
    .columns(['status', 'type', 'region', 'lead_user_id', 'restricted', 'id'])
    .execute();

  // Statistics (yearStats): the cases open during a year, with what the breakdowns group by.
  await db.schema
    .createIndex('cases_active')
    .ifNotExists()
    .on('cases')
    .columns(['opened_on', 'closed_on', 'id', 'type', 'closing_code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'cases_active',
    'cases_filter_facets',
    'cases_lead_facets',
    'people_id_merged',
    'person_keys_lookup',
  ])
    await db.schema.dropIndex(name).ifExists().execute();
}
