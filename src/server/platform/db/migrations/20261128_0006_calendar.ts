import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * Hearings and deadlines of legal cases, in-app notifications and private calendar feeds (issue #3,
 * item 6). Times are ISO-8601 UTC text; `note_enc` is ciphertext under the hearing's own data key.
 * Court and room stay in clear (like `cases.court`) so that calendars and feeds need no decryption.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hearings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    // Null for a deadline: it is a moment, not a span, and never conflicts.
    .addColumn('ends_at', 'text')
    .addColumn('court', 'text')
    .addColumn('room', 'text')
    .addColumn('note_enc', 'text')
    .addColumn('lawyer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('hearings_case').on('hearings').columns(['case_id', 'starts_at']).execute();
  await db.schema.createIndex('hearings_lawyer').on('hearings').columns(['lawyer_id', 'starts_at']).execute();
  await db.schema.createIndex('hearings_starts').on('hearings').column('starts_at').execute();

  // What a person is told (reminders): codes, ids and times only, never names or notes.
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_entity')
    .on('notifications')
    .columns(['entity_id', 'user_id'])
    .execute();

  // Private iCalendar feeds: only the SHA-256 of the token is stored, like sessions.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('calendar_feeds_user')
    .on('calendar_feeds')
    .columns(['user_id', 'revoked_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['calendar_feeds', 'notifications', 'hearings']) await db.schema.dropTable(t).execute();
}
