import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * A submission can be given to one reviewer (issue #5 review: on election day several people triage
 * the same stream, and "who takes this one" must not be settled by shouting across the room). The
 * index holds assigned rows only: most reports are never assigned, and the election-day insert of a
 * new report must not pay for an index entry it does not need.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('submissions').addColumn('assigned_to', 'text').execute();
  await db.schema
    .createIndex('submissions_assigned')
    .on('submissions')
    .columns(['assigned_to', 'received_at'])
    .where(sql.ref('assigned_to'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('submissions_assigned').ifExists().execute();
  await db.schema.alterTable('submissions').dropColumn('assigned_to').execute();
}
