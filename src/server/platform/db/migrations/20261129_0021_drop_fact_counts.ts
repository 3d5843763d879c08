import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * The pre-counted figures of migration 0017 (`vio_fact_counts`, `vio_fact_subjects`) are read by no one
 * since the list and the statistics count the facts in memory (ADR 0016), yet every write kept them:
 * thousands of upserts per edited event, and half the time of a rebuild. Derived data: dropping them
 * loses nothing (`down` recreates them empty, and the older code rebuilds them when it starts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('vio_fact_subjects').ifExists().execute();
  await db.schema.dropTable('vio_fact_counts').ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const noRowid = <T extends string, C extends string>(b: CreateTableBuilder<T, C>) =>
    pg ? b : b.modifyEnd(sql`without rowid`);
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
  // The older code finds its counts empty beside full facts: empty the facts too, so it rebuilds.
  await db.deleteFrom('vio_fact_tags').execute();
  await db.deleteFrom('vio_fact_events').execute();
}
