import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * What is left of an observer's report after it is erased (ADR 0029, amended): its clientId, the id it
 * had and whose it was — nothing it said. A phone that never got its answer and sends the same clientId
 * again is answered with that id and stores nothing, so an erased report does not come back.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('erased_submissions')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addColumn('observer_id', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('erased_submissions').execute();
}
