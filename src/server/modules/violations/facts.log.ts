import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.ts';

/**
 * The change log of the violation facts (migration 0020, ADR 0016): which events a node holding the
 * statistics engine in memory must load again. Writers append in their transaction; readers keep a
 * cursor. Reading again an event that did not change costs a load and changes nothing, so the cursor
 * may ask for too much, never too little.
 */
const isPg = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;

/** `*` in a change list: everything changed (a rebuild); load it all again. */
export const ALL = '*';

export async function logFactChanges(tx: Executor, eventIds: readonly string[]): Promise<void> {
  for (let i = 0; i < eventIds.length; i += 500)
    await tx
      .insertInto('vio_fact_log')
      .values(eventIds.slice(i, i + 500).map((event_id) => ({ event_id })))
      .execute();
}

/** A rebuild: the old entries say nothing any more. */
export async function resetFactLog(tx: Executor): Promise<void> {
  await tx.deleteFrom('vio_fact_log').execute();
  await tx.insertInto('vio_fact_log').values({ event_id: ALL }).execute();
}

/**
 * Where a reader stands. SQLite: the last `seq` read (one writer at a time: seq order is commit
 * order). PostgreSQL: the oldest transaction still open at the last read (`xmin`) and the entries
 * already read since then; anything an open transaction writes later has `xid >= xmin`.
 */
export type Cursor = { seq: number } | { xmin: string; seen: Set<string> };

/** The cursor before a full load: every change committed after it is read by the next `changesSince`. */
export async function cursorNow(db: Executor): Promise<Cursor> {
  if (isPg(db)) {
    const r = await sql<{
      xmin: string;
    }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(db);
    return { xmin: r.rows[0]!.xmin, seen: new Set() };
  }
  const r = await sql<{ seq: number | null }>`select max(seq) as seq from vio_fact_log`.execute(db);
  return { seq: Number(r.rows[0]?.seq ?? 0) };
}

/** The events changed since the cursor (`*` for all), and the cursor after them. */
export async function changesSince(db: Executor, c: Cursor): Promise<{ ids: string[]; next: Cursor }> {
  if ('seq' in c) {
    const r = await sql<{ seq: number; event_id: string }>`
      select seq, event_id from vio_fact_log where seq > ${c.seq} order by seq`.execute(db);
    const last = r.rows.length ? Number(r.rows[r.rows.length - 1]!.seq) : c.seq;
    return { ids: [...new Set(r.rows.map((x) => x.event_id))], next: { seq: last } };
  }
  // One statement: the snapshot that gives the new xmin is the one the entries are read in.
  const r = await sql<{ xmin: string; seq: string | null; event_id: string | null }>`
    with s as (select pg_snapshot_xmin(pg_current_snapshot()) as xmin)
    select s.xmin::text as xmin, l.seq::text as seq, l.event_id
    from s left join vio_fact_log l on l.xid >= ${c.xmin}::xid8`.execute(db);
  const ids = new Set<string>();
  const seen = new Set<string>();
  for (const x of r.rows) {
    if (x.seq === null || x.event_id === null) continue;
    seen.add(x.seq);
    if (!c.seen.has(x.seq)) ids.add(x.event_id);
  }
  return { ids: [...ids], next: { xmin: r.rows[0]!.xmin, seen } };
}
