import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * The part of the mission an export file covers, written when it runs: `*` for the whole mission, or
 * the regions as a JSON list. A download is then refused to a requester whose part of the mission no
 * longer covers it (taken off the mission, or moved to another region). Files made before this
 * column have none: only someone who now covers the whole mission may download them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mon_exports').addColumn('regions', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mon_exports').dropColumn('regions').execute();
}
