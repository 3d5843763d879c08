import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * Evidence derivatives (issue #4, item 3). The thumbnail is a stored file of its own, so it needs the
 * SHA-256 and size that `ukuk files verify` checks; `derived_at` tells "thumbnail and text still being
 * made" (null) from "done, with or without a thumbnail" (the job that makes them ran).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('vio_evidence').addColumn('thumb_sha256', 'text').execute();
  await db.schema.alterTable('vio_evidence').addColumn('thumb_size', 'integer').execute();
  await db.schema.alterTable('vio_evidence').addColumn('derived_at', 'text').execute();
  await db.schema.createIndex('vio_evidence_act').on('vio_evidence').column('act_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('vio_evidence_act').ifExists().execute();
  for (const c of ['derived_at', 'thumb_size', 'thumb_sha256'])
    await db.schema.alterTable('vio_evidence').dropColumn(c).execute();
}
