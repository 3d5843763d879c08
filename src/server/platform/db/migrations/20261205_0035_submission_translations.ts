import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * A reviewer's translation of a report into one of the app's languages (review.translate.ts): the
 * "to translate" queue's work. One per report and language, encrypted under the report's own key (field
 * `translation:<locale>`), so it is shredded with the report; the reporter's answers stay as sent.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('submission_translations')
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('submission_translations_pk', ['submission_id', 'locale'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('submission_translations').ifExists().execute();
}
