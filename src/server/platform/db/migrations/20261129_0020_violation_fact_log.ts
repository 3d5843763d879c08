import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against an untyped schema */
/**
 * The change log of the violation facts (ADR 0016): every refresh of an event's facts appends its id,
 * a rebuild empties the log and appends `*`. Each app node keeps the statistics engine in memory and
 * reads the log to learn which events to load again, so several stateless nodes on one database stay
 * exact. Ids only, no codes or text.
 *
 * SQLite commits one writer at a time, so `seq` order is commit order. PostgreSQL does not: a
 * transaction may commit after another that took a higher `seq`. `xid` (the writing transaction)
 * lets a reader ask again for everything written by transactions that were still open at its last
 * read (`xid >= the xmin of that snapshot`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) {
    await sql`create table vio_fact_log (
      seq bigserial primary key,
      event_id text not null,
      xid xid8 not null default pg_current_xact_id())`.execute(db);
    await sql`create index vio_fact_log_xid on vio_fact_log (xid)`.execute(db);
  } else {
    await sql`create table vio_fact_log (
      seq integer primary key autoincrement,
      event_id text not null)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('vio_fact_log').ifExists().execute();
}
