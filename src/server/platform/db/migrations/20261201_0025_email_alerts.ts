import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * Each person chooses which alerts also reach them by e-mail (hearing reminders, critical incidents).
 * Both start on, as before this column existed: a coordinator who never opened the profile keeps
 * getting election-day alerts. The bell notice is written either way; only the e-mail is optional.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('email_reminders', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('email_critical', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('email_critical').execute();
  await db.schema.alterTable('users').dropColumn('email_reminders').execute();
}
