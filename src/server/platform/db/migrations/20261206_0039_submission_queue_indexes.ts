import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
const QUEUES = ['translate', 'geolocate', 'verify', 'urgent'] as const;

/**
 * The review queues and their counts (submissions.list.ts) read only the reports in a queue. Each index
 * holds the flagged reports only, by mission: an election day's unflagged checklists add nothing to
 * them, while counting or listing a queue no longer reads every report of the mission (a million rows
 * of encrypted answers: 0.9 s for the tab counts on SQLite). Queries must write the flag as the literal
 * `= 1` (not a bound parameter) for SQLite to see that the index applies.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const q of QUEUES)
    await sql`create index ${sql.raw(`submissions_q_${q}`)} on submissions (mission_id) where ${sql.raw(`flag_${q}`)} = 1`.execute(
      db,
    );
  await sql`create index submissions_q_critical on submissions (mission_id) where critical = 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const q of [...QUEUES, 'critical']) await db.schema.dropIndex(`submissions_q_${q}`).execute();
}
