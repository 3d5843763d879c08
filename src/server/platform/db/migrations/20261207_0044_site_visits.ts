import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * Planned visits per site (ADR 0037): a detention-visit mission goes back to each institution (a
 * pre-trial centre monthly, a police station once), so a site expects one checklist per form for each
 * visit. Every existing site keeps one visit, which is what coverage counted until now.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sites')
    .addColumn('visits', 'integer', (c) => c.notNull().defaultTo(sql`1`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sites').dropColumn('visits').execute();
}
