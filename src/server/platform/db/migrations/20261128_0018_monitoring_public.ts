import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * The public incident form's spam defences and the monitoring exports (issue #5, items 6 and 7).
 * - `rate_limits`: fixed-window counters shared by every app node; the key is a keyed hash (never an
 *   IP address in clear) that includes the window, so rows expire with their window.
 * - `public_marks`: used challenge ids and content fingerprints of public reports, kept until they
 *   expire, so a replayed challenge or a resent report is stored once (on any node).
 * - `mon_exports`: one export of submissions: who asked, its progress and, when done, the encrypted
 *   file on the file store (under the row's own data key).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_expiry').on('rate_limits').column('expires_at').execute();
  await db.schema
    .createTable('public_marks')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('public_marks_expiry').on('public_marks').column('expires_at').execute();
  await db.schema
    .createTable('mon_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mission_id', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('redacted', 'integer', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text')
    .addColumn('size', 'integer')
    .addColumn('sha256', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mon_exports_requester')
    .on('mon_exports')
    .columns(['requested_by', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mon_exports').ifExists().execute();
  await db.schema.dropTable('public_marks').ifExists().execute();
  await db.schema.dropTable('rate_limits').ifExists().execute();
}
