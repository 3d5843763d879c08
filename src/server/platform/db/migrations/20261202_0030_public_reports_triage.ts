import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * Which missions' coordinators triage the anonymous public reports (reports with no mission). Until
 * now every coordinator of a whole mission saw all of them, and any coordinator may create a mission
 * (becoming its whole-mission coordinator): a region coordinator could widen their own view to every
 * region's public reports. Now an administrator marks the missions whose coordinators take them, each
 * for the regions they coordinate there. Existing missions start unmarked: administrators still see
 * every public report and choose.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('missions')
    .addColumn('public_reports', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('missions').dropColumn('public_reports').execute();
}
