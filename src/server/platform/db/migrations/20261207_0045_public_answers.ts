import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * The answers a public results page shows, kept per mission and kind of count (ADR 0039): they move
 * only once some answer count has changed by at least the publishing threshold, so that two visits
 * to the page a report apart never show that one report's answers as their difference. `version`
 * lets app nodes on one database replace a step only where nobody replaced it first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mon_public_answers')
    .addColumn('mission_id', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mon_public_answers_pk', ['mission_id', 'counts'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mon_public_answers').execute();
}
