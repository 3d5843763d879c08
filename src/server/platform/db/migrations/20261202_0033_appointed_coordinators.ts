import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * Whether an administrator stands behind a coordinator's grant (ADR 0025): 1 when an administrator
 * made it, or a whole-mission coordinator who was themselves appointed. Only appointed grants show
 * observers' phone numbers. Grants made before this column cannot be told apart (the creator of a
 * mission coordinated it without anyone's say), so they start unappointed: an administrator saves the
 * mission's coordinators once to appoint them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('mission_coordinators')
    .addColumn('appointed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mission_coordinators').dropColumn('appointed').execute();
}
