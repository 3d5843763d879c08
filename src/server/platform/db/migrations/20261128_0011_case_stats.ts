import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * Derived tables behind the statistics of a year (issue #3: < 200 ms with 100,000 cases; ADR 0009).
 * - `case_stat_years`: the years whose facts and counts are complete and kept up to date;
 * - `case_stat_facts`: one row per (year, subject, figure, value): "person P counts under sex=female in
 *   2025", "case C was open during 2025"; what makes a distinct count exact when one input changes;
 * - `case_stat_counts`: the number of facts per (year, figure, value), read by the statistics page.
 * Codes and ids only, no sensitive text. Nothing is built here: the first request for a year builds it
 * (cases.stats.facts.ts). `ifNotExists`: SQLite runs migrations outside a transaction, so a run cut
 * short must be able to start again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('case_stat_years')
    .ifNotExists()
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('built_at', 'text', (c) => c.notNull())
    .execute();
  // Keyed by year first: a refresh seeks (year, subject) for each built year, a build deletes and
  // counts one year by range. WITHOUT ROWID on SQLite stores the rows in the key itself (no second
  // copy of ~200,000 rows a year).
  await db.schema
    .createTable('case_stat_facts')
    .ifNotExists()
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_stat_facts_pk', ['year', 'subject_id', 'dim', 'value'])
    .$call((b) => (pg ? b : b.modifyEnd(sql`without rowid`)))
    .execute();
  await db.schema
    .createTable('case_stat_counts')
    .ifNotExists()
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_stat_counts_pk', ['year', 'dim', 'value'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['case_stat_counts', 'case_stat_facts', 'case_stat_years'])
    await db.schema.dropTable(t).ifExists().execute();
}
