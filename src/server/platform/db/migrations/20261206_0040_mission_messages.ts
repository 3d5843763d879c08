import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * Messages from a mission's coordinators to its observers' phones (ADR 0033, messages.service.ts): to
 * the whole mission or one region's observers. The text is encrypted under the message's own key (an
 * operational note — "the police are at station 12" — is not for whoever reads the database). A
 * withdrawn message keeps its row (the list says who withdrew what); phones drop it at their next update.
 * Reads: one row per observer who tapped "Got it", so the coordinator sees who has not seen it yet.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mission_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('region', 'text')
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text')
    .execute();
  await db.schema
    .createIndex('mission_messages_mission')
    .on('mission_messages')
    .columns(['mission_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('mission_message_reads')
    .addColumn('message_id', 'text', (c) => c.notNull().references('mission_messages.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mission_message_reads_pk', ['message_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mission_message_reads').ifExists().execute();
  await db.schema.dropTable('mission_messages').ifExists().execute();
}
