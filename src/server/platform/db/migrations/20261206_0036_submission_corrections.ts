import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * A reviewer's correction of a report's answers (review.correct.ts) keeps what each answer was and
 * became in the history entry, encrypted under the report's own key like the reason beside it: the
 * observer's original stays readable, and goes with the report when it is erased. The report names the
 * questions ever corrected (keys, comma-separated; no answers) so that an export says which answers are
 * not as the phone sent them without reading the history.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('submission_history').addColumn('detail_enc', 'text').execute();
  await db.schema.alterTable('submissions').addColumn('corrected', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('submissions').dropColumn('corrected').execute();
  await db.schema.alterTable('submission_history').dropColumn('detail_enc').execute();
}
