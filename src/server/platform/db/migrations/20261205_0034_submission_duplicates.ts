import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * A report rejected as a duplicate names the report it repeats (review.duplicates.ts): on election
 * day several observers and passers-by report the same incident, and a reviewer who sets the copies
 * aside keeps them as corroboration of the one that stays. Set only while the report is rejected as
 * a duplicate; the index holds those rows only, so the election-day insert pays nothing for it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('submissions').addColumn('duplicate_of', 'text').execute();
  await db.schema
    .createIndex('submissions_duplicate_of')
    .on('submissions')
    .column('duplicate_of')
    .where(sql.ref('duplicate_of'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('submissions_duplicate_of').ifExists().execute();
  await db.schema.alterTable('submissions').dropColumn('duplicate_of').execute();
}
