import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('webauthn_credentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('credential_id', 'text', (c) => c.notNull().unique())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('counter', 'bigint', (c) => c.notNull())
    .addColumn('transports', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema
    .createIndex('webauthn_credentials_user')
    .on('webauthn_credentials')
    .column('user_id')
    .execute();
  // The challenge of a WebAuthn ceremony lives with the session, so any node can finish it.
  await db.schema.alterTable('sessions').addColumn('challenge', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('challenge_expires_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('challenge_expires_at').execute();
  await db.schema.alterTable('sessions').dropColumn('challenge').execute();
  await db.schema.dropTable('webauthn_credentials').execute();
}
