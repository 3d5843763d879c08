import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * Derived tables behind the violation event list, its facets and the statistics (issue #4 speed
 * targets; ADR 0011). Codes and ids only, no sensitive text. Kept by every write in its transaction
 * (`violations.facts.ts`); filled by `rebuildViolationFacts` on the first start after this migration.
 * - `vio_fact_events`: one narrow row per event (the filters' columns) and `snap`, the codes the
 *   counts were last taken from (so a refresh subtracts exactly what it once added);
 * - `vio_fact_tags`: one row per (tag, event): `g:` region, `d:` district, `s:` status, `a:` act type,
 *   `p:` perpetrator type, `r:` reliability. An inverted index: a filtered list walks the postings of
 *   its rarest tag and probes the others by key;
 * - `vio_fact_counts`: pre-counted figures over UNRESTRICTED events only, per filter key (`''` none,
 *   a tag, or `b:` a month bucket) and figure tag: events, acts, events with a matching act;
 * - `vio_fact_subjects`: how many acts of unrestricted events each victim / perpetrator record has
 *   (distinct counts of people stay exact when one event changes).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const noRowid = <T extends string, C extends string>(b: CreateTableBuilder<T, C>) =>
    pg ? b : b.modifyEnd(sql`without rowid`);
  await db.schema
    .createTable('vio_fact_events')
    .ifNotExists()
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('restricted', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('district', 'text')
    .addColumn('start_date', 'text')
    .addColumn('status', 'text')
    .addColumn('snap', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vio_fact_events_start')
    .ifNotExists()
    .on('vio_fact_events')
    .columns(['start_date', 'event_id'])
    .execute();
  await db.schema
    .createIndex('vio_fact_events_restricted')
    .ifNotExists()
    .on('vio_fact_events')
    .columns(['restricted', 'event_id'])
    .execute();
  await db.schema
    .createTable('vio_fact_tags')
    .ifNotExists()
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vio_fact_tags_pk', ['tag', 'event_id'])
    .$call(noRowid)
    .execute();
  await db.schema
    .createIndex('vio_fact_tags_event')
    .ifNotExists()
    .on('vio_fact_tags')
    .columns(['event_id', 'tag'])
    .execute();
  await db.schema
    .createTable('vio_fact_counts')
    .ifNotExists()
    .addColumn('fkey', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('ne', 'integer', (c) => c.notNull())
    .addColumn('na', 'integer', (c) => c.notNull())
    .addColumn('nea', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('vio_fact_counts_pk', ['fkey', 'tag'])
    .$call(noRowid)
    .execute();
  await db.schema
    .createTable('vio_fact_subjects')
    .ifNotExists()
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('m', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('vio_fact_subjects_pk', ['role', 'subject'])
    .$call(noRowid)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['vio_fact_subjects', 'vio_fact_counts', 'vio_fact_tags', 'vio_fact_events'])
    await db.schema.dropTable(t).ifExists().execute();
}
