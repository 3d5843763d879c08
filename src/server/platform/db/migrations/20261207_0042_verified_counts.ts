import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * A mission may publish figures from verified reports only (ADR 0035): an allegation a coordinator has
 * not yet checked should not reach the news as a figure. The counters keep, beside what every report
 * not rejected adds, what the verified and published ones add (submissions.counts.verified.ts), so the
 * public page stays a read of counters. Reports already verified are counted in by a job after start
 * (counts.verified.job.ts): migrations cannot read encrypted answers. No row is written here: a backup
 * restored into a migrated database brings its own settings, and a seeded one would collide with them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('missions')
    .addColumn('public_counts', 'text', (c) => c.notNull().defaultTo('received'))
    .execute();
  for (const table of ['mon_count_region', 'mon_count_hour']) {
    await db.schema
      .alterTable(table)
      .addColumn('verified_incidents', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable(table)
      .addColumn('verified_critical', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  await db.schema
    .alterTable('mon_count_answer')
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mon_count_answer').dropColumn('verified').execute();
  for (const table of ['mon_count_region', 'mon_count_hour']) {
    await db.schema.alterTable(table).dropColumn('verified_critical').execute();
    await db.schema.alterTable(table).dropColumn('verified_incidents').execute();
  }
  await db.schema.alterTable('missions').dropColumn('public_counts').execute();
}
