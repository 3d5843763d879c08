import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * The dashboard counts a repeat group's entries (ADR 0038). A database holding no report yet has no
 * entry to count: it is marked counted here, so its dashboard shows entries from the first report on.
 * One that holds reports (an upgrade, or a restore whose rows were loaded before this ran) is counted
 * by the one-off job `monitoring.count_entry_answers`, which writes the same setting when done; until
 * then the dashboard leaves entries out rather than show them half counted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`insert into settings (key, value, updated_at)
    select 'monitoring.entry_answers_counted', '1', ${new Date().toISOString()}
    where not exists (select 1 from submissions)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', 'monitoring.entry_answers_counted').execute();
}
