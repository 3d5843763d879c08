import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * An export may have one row per entry of a repeat group (a detention visit's interviews, an election
 * checklist's incidents) instead of one per report: the analyst counts interviews, not visits. The
 * export remembers which group (null: one row per report, as before).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mon_exports').addColumn('entries', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mon_exports').dropColumn('entries').execute();
}
