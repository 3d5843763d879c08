import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * A person's phone number, so that on election day a coordinator can call the observer of a station
 * that has not reported. Contact data: encrypted under the user's record key like the name and e-mail
 * (SECURITY.md), and never filtered or sorted on, so no index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('phone_enc', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('phone_enc').execute();
}
