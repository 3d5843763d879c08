import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.ts';
import { tagsOf, type Snap } from './facts.cells.ts';
import { logFactChanges, resetFactLog } from './facts.log.ts';

/**
 * Keeping the derived tables of migration 0017 (ADR 0011, 0016). One rule keeps them exact: every
 * transaction that changes what an event counts (the event, its acts, involvements, rights,
 * information, its members, its victims' or perpetrators' people records, a merge) calls
 * `refreshViolationFacts` with the events it touched, after its changes. The refresh reads the
 * events' codes from the live tables (`loadSnaps`, the one place the definitions are written),
 * replaces the events' rows in `vio_fact_events` and `vio_fact_tags`, and names them in the change
 * log, from which every node's facts in memory learn of it.
 *
 * PostgreSQL: a refresh holds a shared advisory lock on the facts and an exclusive one per event (two
 * refreshes of one event would both delete its rows and insert them again, the second failing on the
 * key), taken in id order (no deadlock between two refreshes); a rebuild holds the facts lock
 * exclusively. SQLite runs one transaction at a time.
 */
const LOCK_ALL = [0x554b56, 0] as const;
const LOCK_EVENT = 0x554b57;

const isPg = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;
const ROOT = (p: string, pm: string) =>
  sql`coalesce(${sql.ref(`${pm}.merged_into`)}, ${sql.ref(`${pm}.id`)}, ${sql.ref(`${p}.id`)})`;

function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

export interface Loaded {
  id: string;
  number: string;
  snap: Snap;
}

/** The codes of these events, from the live tables (missing events are left out). */
export async function loadSnaps(db: Executor, ids: readonly string[]): Promise<Loaded[]> {
  const out: Loaded[] = [];
  for (const part of chunks([...new Set(ids)], 500)) {
    const evs = await db
      .selectFrom('vio_events')
      .select(['id', 'number', 'restricted', 'region', 'district', 'start_date', 'violation_status'])
      .where('id', 'in', part)
      .execute();
    if (evs.length === 0) continue;
    const [acts, infos] = await Promise.all([
      sql<{
        id: string;
        event_id: string;
        act_type: string;
        root: string | null;
        kind: string | null;
        size: number | null;
      }>`
        select a.id, a.event_id, a.act_type, ${ROOT('p', 'pm')} as root,
          coalesce(pm.kind, p.kind) as kind, coalesce(pm.group_size, p.group_size) as size
        from vio_acts a left join people p on p.id = a.victim_id left join people pm on pm.id = p.merged_into
        where a.event_id in (${sql.join(part)}) order by a.id`.execute(db),
      db
        .selectFrom('vio_information')
        .select(['event_id', 'reliability'])
        .where('event_id', 'in', part)
        .where('reliability', 'is not', null)
        .execute(),
    ]);
    // Involvements and rights by the acts' ids, not joined to the acts by event: PostgreSQL planned
    // that join as a hash join over a parallel scan of the whole involvements table, once per page of
    // 500 events (EXPLAIN ANALYZE at 50,000 events, fresh statistics): work that grows with the square
    // of the data. The same rebuild took 71 s before and 75 s after at that size, so this alone does
    // not explain the 1,630 s measured at full size.
    const actIds = acts.rows.map((a) => a.id);
    const [invs, rights] = actIds.length
      ? await Promise.all([
          sql<{ act_id: string; type: string | null; root: string | null }>`
            select i.act_id, i.perpetrator_type as type, ${ROOT('p', 'pm')} as root
            from vio_involvements i
              left join people p on p.id = i.perpetrator_id left join people pm on pm.id = p.merged_into
            where i.act_id in (${sql.join(actIds)}) order by i.id`.execute(db),
          sql<{ act_id: string; right: string }>`
            select r.act_id, r.scheme || ':' || r.code as ${sql.ref('right')}
            from vio_act_rights r where r.act_id in (${sql.join(actIds)}) order by 2`.execute(db),
        ])
      : [{ rows: [] }, { rows: [] }];
    const byEvent = new Map<string, Snap>();
    for (const e of evs) {
      const snap: Snap = {
        r: e.restricted,
        g: e.region,
        d: e.district,
        s: e.violation_status,
        date: e.start_date,
        rel: [],
        acts: [],
      };
      byEvent.set(e.id, snap);
      out.push({ id: e.id, number: e.number, snap });
    }
    const actIndex = new Map<string, Snap['acts'][number]>();
    for (const a of acts.rows) {
      const act = {
        t: a.act_type,
        v: a.root ? `${a.root}|${a.kind}|${a.size ?? ''}` : null,
        p: [] as string[],
        pr: [] as string[],
        R: [] as string[],
      };
      actIndex.set(a.id, act);
      byEvent.get(a.event_id)?.acts.push(act);
    }
    for (const i of invs.rows) {
      const act = actIndex.get(i.act_id);
      if (!act) continue;
      act.p.push(i.type ?? 'unknown');
      if (i.root) act.pr.push(i.root);
    }
    for (const r of rights.rows) actIndex.get(r.act_id)?.R.push(r.right);
    for (const i of infos) if (i.reliability) byEvent.get(i.event_id)?.rel.push(i.reliability);
    for (const s of byEvent.values()) s.rel = [...new Set(s.rel)].sort();
  }
  return out;
}

/** Write the rows of these events (their old rows are gone). */
async function writeEvents(db: Executor, loaded: Loaded[]): Promise<void> {
  const evRows = loaded.map((l) => ({
    event_id: l.id,
    restricted: l.snap.r,
    number: l.number,
    region: l.snap.g,
    district: l.snap.d,
    start_date: l.snap.date,
    status: l.snap.s,
    snap: JSON.stringify(l.snap),
  }));
  for (const part of chunks(evRows, 200)) await db.insertInto('vio_fact_events').values(part).execute();
  const tagRows = loaded.flatMap((l) => tagsOf(l.snap).map((tag) => ({ tag, event_id: l.id })));
  for (const part of chunks(tagRows, 1000)) await db.insertInto('vio_fact_tags').values(part).execute();
}

/** Bring the facts of these events up to date with the live tables, in the caller's transaction. */
export async function refreshViolationFacts(tx: Executor, eventIds: readonly string[]): Promise<void> {
  const ids = [...new Set(eventIds)].sort();
  if (ids.length === 0) return;
  if (isPg(tx)) {
    await sql`select pg_advisory_xact_lock_shared(${LOCK_ALL[0]}, ${LOCK_ALL[1]})`.execute(tx);
    for (const id of ids) await sql`select pg_advisory_xact_lock(${LOCK_EVENT}, hashtext(${id}))`.execute(tx);
  }
  for (const part of chunks(ids, 500)) {
    await tx.deleteFrom('vio_fact_tags').where('event_id', 'in', part).execute();
    await tx.deleteFrom('vio_fact_events').where('event_id', 'in', part).execute();
  }
  await writeEvents(tx, await loadSnaps(tx, ids));
  await logFactChanges(tx, ids);
}

/** The events whose counts depend on these people (as victims or perpetrators, also via a merge). */
export async function eventsOfPeople(db: Executor, personIds: readonly string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const ids = [...personIds];
  const people = sql`(select id from people where id in (${sql.join(ids)}) or merged_into in (${sql.join(ids)}))`;
  const r = await sql<{ event_id: string }>`
    select a.event_id from vio_acts a where a.victim_id in ${people}
    union select a.event_id from vio_involvements i join vio_acts a on a.id = i.act_id
      where i.perpetrator_id in ${people}`.execute(db);
  return r.rows.map((x) => x.event_id);
}

/** Recompute every fact from scratch (first start after the migration, after a restore or a bulk load). */
export async function rebuildViolationFacts(db: Executor): Promise<number> {
  const pg = isPg(db);
  const run = async (tx: Executor) => {
    if (pg) {
      await sql`select pg_advisory_xact_lock(${LOCK_ALL[0]}, ${LOCK_ALL[1]})`.execute(tx);
      // A rebuild follows a restore or a bulk load, before autovacuum has looked at the new rows.
      // Without statistics PostgreSQL planned each page's read as hash joins over whole tables
      // (0.9 s a page instead of 0.08 s at 250,000 events, EXPLAIN ANALYZE): 1,630 s in all.
      await sql`analyze vio_events, vio_acts, vio_involvements, vio_act_rights, vio_information, people`.execute(
        tx,
      );
    }
    for (const t of ['vio_fact_tags', 'vio_fact_events'] as const) await tx.deleteFrom(t).execute();
    let last = '';
    let n = 0;
    for (;;) {
      const page = await tx
        .selectFrom('vio_events')
        .select('id')
        .where('id', '>', last)
        .orderBy('id')
        .limit(2000)
        .execute();
      if (page.length === 0) break;
      last = page[page.length - 1]!.id;
      await writeEvents(
        tx,
        await loadSnaps(
          tx,
          page.map((p) => p.id),
        ),
      );
      n += page.length;
    }
    await resetFactLog(tx);
    if (pg) await sql`analyze vio_fact_events, vio_fact_tags`.execute(tx);
    return n;
  };
  return 'transaction' in db && typeof db.transaction === 'function' && !db.isTransaction
    ? db.transaction().execute(run)
    : run(db);
}

const checked = new WeakSet<object>();
/**
 * Rebuild when the facts are missing (first start after the migration, a restore: the tables are
 * `derived`, never in a backup). Checked once per database handle; every write keeps them after that.
 */
export async function ensureViolationFacts(db: Executor): Promise<void> {
  if (checked.has(db)) return;
  const r = await sql<{ events: number | string; facts: number | string }>`
    select (select count(*) from vio_events) as events, (select count(*) from vio_fact_events) as facts`.execute(
    db,
  );
  const row = r.rows[0];
  if (row && Number(row.events) !== Number(row.facts)) await rebuildViolationFacts(db);
  checked.add(db);
}
