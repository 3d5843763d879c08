import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * A small copy of each photo an observer sends, for the review page: until now a reviewer on a phone
 * loaded every full-size photo (several MB each) to see a report. The thumbnail is stored encrypted
 * under the upload's own key, with its fingerprint so `ukuk files verify` checks it like the original.
 * One column at a time: SQLite adds a single column per ALTER TABLE.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('uploads').addColumn('thumb_key', 'text').execute();
  await db.schema.alterTable('uploads').addColumn('thumb_sha256', 'text').execute();
  await db.schema.alterTable('uploads').addColumn('thumb_size', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('uploads').dropColumn('thumb_size').execute();
  await db.schema.alterTable('uploads').dropColumn('thumb_sha256').execute();
  await db.schema.alterTable('uploads').dropColumn('thumb_key').execute();
}
