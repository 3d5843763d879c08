import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * The sites tab shows each station's number of reports and the time of its last one (sites.read.ts): on
 * election day a coordinator phones the observers who have gone quiet. The site index gains the
 * received time, so both come from the index alone; it replaces the site-only index rather than adding
 * one, so the election-day insert maintains no more indexes than before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('submissions_site_received')
    .on('submissions')
    .columns(['site_id', 'received_at'])
    .execute();
  await db.schema.dropIndex('submissions_site').ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('submissions_site').on('submissions').columns(['site_id']).execute();
  await db.schema.dropIndex('submissions_site_received').ifExists().execute();
}
