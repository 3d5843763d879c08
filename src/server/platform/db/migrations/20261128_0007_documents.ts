import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * Case documents (issue #3): one row per version. Versions of one document share `group_id` (the id of
 * the first version). The content lives encrypted under `files/<storage_key>` with the row's own data
 * key (`dek`); the file name is encrypted too (`name_enc`: names can identify a client). Type, size and
 * SHA-256 of the plaintext stay in clear: they identify nobody and are shown for integrity checks.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_documents_version', ['group_id', 'version'])
    .execute();
  await db.schema
    .createIndex('case_documents_case')
    .on('case_documents')
    .columns(['case_id', 'group_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_documents').execute();
}
