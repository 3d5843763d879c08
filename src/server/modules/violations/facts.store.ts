import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.ts';
import {
  addCells,
  cellsOf,
  SEP,
  subjectCells,
  subjectsOf,
  tagsOf,
  type Cells,
  type Snap,
} from './facts.cells.ts';
import { logFactChanges, resetFactLog } from './facts.log.ts';

/**
 * Keeping the derived tables of migration 0017 (ADR 0011). One rule keeps them exact: every
 * transaction that changes what an event counts (the event, its acts, involvements, rights,
 * information, its victims' or perpetrators' people records, a merge) calls `refreshViolationFacts`
 * with the events it touched, after its changes. The refresh reads the events' codes from the live
 * tables (`loadSnaps`, the one place the definitions are written), subtracts the cells of the stored
 * snap, adds the new ones, and replaces the event's rows. Restricted events keep their rows in
 * `vio_fact_events`/`vio_fact_tags` but never enter `vio_fact_counts`/`vio_fact_subjects`.
 *
 * PostgreSQL: a refresh holds a shared advisory lock on the facts and an exclusive one per event (two
 * refreshes of one event would both subtract the same old snap); every count changes by relative
 * `n = n + d` updates, in key order (no deadlock between two refreshes); a rebuild holds the facts
 * lock exclusively. SQLite runs one transaction at a time.
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

/** Add signed cells and subject deltas to the stored counts (relative updates, in key order). */
async function applyDeltas(db: Executor, cells: Cells, subjects: Map<string, number>): Promise<void> {
  const subj = [...subjects].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
  for (const part of chunks(subj, 500)) {
    const rows = part.map(([k, m]) => {
      const [role, subject] = k.split(SEP) as [string, string];
      return { role, subject, m };
    });
    const r = await db
      .insertInto('vio_fact_subjects')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['role', 'subject']).doUpdateSet({ m: sql<number>`vio_fact_subjects.m + excluded.m` }),
      )
      .returning(['role', 'subject', 'm'])
      .execute();
    const delta = new Map(part);
    for (const x of r) {
      const key = `${x.role}${SEP}${x.subject}`;
      const now = Number(x.m);
      const before = now - (delta.get(key) ?? 0);
      const sign = before <= 0 && now > 0 ? 1 : before > 0 && now <= 0 ? -1 : 0;
      if (sign)
        for (const [tag, n] of subjectCells(key))
          addCells(cells, new Map([[`${SEP}${tag}`, [sign * n, 0, 0]]]));
    }
  }
  const list = [...cells]
    .filter(([, c]) => c[0] || c[1] || c[2])
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, c]) => {
      const [fkey, tag] = k.split(SEP) as [string, string];
      return { fkey, tag, ne: c[0], na: c[1], nea: c[2] };
    });
  for (const part of chunks(list, 500))
    await db
      .insertInto('vio_fact_counts')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['fkey', 'tag']).doUpdateSet({
          ne: sql<number>`vio_fact_counts.ne + excluded.ne`,
          na: sql<number>`vio_fact_counts.na + excluded.na`,
          nea: sql<number>`vio_fact_counts.nea + excluded.nea`,
        }),
      )
      .execute();
}

/** Write the rows of these events (their old rows are gone) and return their cells and subjects. */
async function writeEvents(db: Executor, loaded: Loaded[], cells: Cells, subjects: Map<string, number>) {
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
  for (const l of loaded) {
    if (l.snap.r) continue;
    addCells(cells, cellsOf(l.snap));
    for (const [k, n] of subjectsOf(l.snap)) subjects.set(k, (subjects.get(k) ?? 0) + n);
  }
}

/** Bring the facts of these events up to date with the live tables, in the caller's transaction. */
export async function refreshViolationFacts(tx: Executor, eventIds: readonly string[]): Promise<void> {
  const ids = [...new Set(eventIds)].sort();
  if (ids.length === 0) return;
  if (isPg(tx)) {
    await sql`select pg_advisory_xact_lock_shared(${LOCK_ALL[0]}, ${LOCK_ALL[1]})`.execute(tx);
    for (const id of ids) await sql`select pg_advisory_xact_lock(${LOCK_EVENT}, hashtext(${id}))`.execute(tx);
  }
  const cells: Cells = new Map();
  const subjects = new Map<string, number>();
  for (const part of chunks(ids, 500)) {
    const old = await tx
      .selectFrom('vio_fact_events')
      .select(['restricted', 'snap'])
      .where('event_id', 'in', part)
      .execute();
    for (const o of old) {
      if (o.restricted) continue;
      const snap = JSON.parse(o.snap) as Snap;
      addCells(cells, cellsOf(snap), -1);
      for (const [k, n] of subjectsOf(snap)) subjects.set(k, (subjects.get(k) ?? 0) - n);
    }
    await tx.deleteFrom('vio_fact_tags').where('event_id', 'in', part).execute();
    await tx.deleteFrom('vio_fact_events').where('event_id', 'in', part).execute();
  }
  await writeEvents(tx, await loadSnaps(tx, ids), cells, subjects);
  await applyDeltas(tx, cells, subjects);
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
  const run = async (tx: Executor) => {
    if (isPg(tx)) await sql`select pg_advisory_xact_lock(${LOCK_ALL[0]}, ${LOCK_ALL[1]})`.execute(tx);
    for (const t of ['vio_fact_tags', 'vio_fact_events', 'vio_fact_counts', 'vio_fact_subjects'] as const)
      await tx.deleteFrom(t).execute();
    const cells: Cells = new Map();
    const subjects = new Map<string, number>();
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
        cells,
        subjects,
      );
      n += page.length;
    }
    await applyDeltas(tx, cells, subjects);
    await resetFactLog(tx);
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
