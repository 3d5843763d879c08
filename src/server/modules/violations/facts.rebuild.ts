import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/db.ts';
import { chunks, isPg, loadSnapsWhere, LOCK_ALL } from './facts.store.ts';

/**
 * Recomputing every derived fact of ADR 0011 at once (first start after the migration, a restore, a
 * bulk load), set-wise in SQL on both databases: the rows per write come from `facts.cells.ts`
 * (`tagsOf`, `cellsOf`, `subjectsOf`, `subjectCells`), and the statements below are the same
 * definitions written over whole tables, so a rebuild equals the sum of the refreshes
 * (`test/integration/violation-facts.test.ts` compares them after every change). The per-event
 * snaps still come from `loadSnaps`, the one place their codes are read.
 *
 * The counts: for each unrestricted event, `vf_items` holds its filter keys (`f = 1`) and figure tags
 * (`t = 1`) with `n` = the acts they cover (all its acts for an event-level tag, the acts carrying it
 * for an act-level one); `vf_at` holds the act-level tags of each act. A cell (filter, figure) adds
 * per event one to `ne`, and to `na` the acts under both: its acts when neither is act-level, those
 * carrying the act-level one when one is, and the acts carrying both (`vf_at` joined with itself)
 * when both are.
 */
const TEMP = ['vf_open', 'vf_items', 'vf_at', 'vf_victims'] as const;

async function dropTemp(db: Executor) {
  for (const t of TEMP) await sql`drop table if exists ${sql.raw(t)}`.execute(db);
}

/** Open events with the number of their acts (a temporary table of `rebuildCounts`). */
const OPEN = sql`vf_open`;
/** Acts of open events. */
const OPEN_ACTS = sql`(select a.id, a.event_id, a.act_type, a.victim_id
  from vio_acts a join vio_events oe on oe.id = a.event_id where oe.restricted = 0)`;
/** The person a record stands for (a merged duplicate: the record it was merged into, two steps). */
const ROOT = sql`coalesce(pm.merged_into, pm.id, p.id)`;

async function rebuildTags(db: Executor) {
  // JavaScript's truthiness in `tagsOf`: an empty code is no tag, as a missing one.
  await sql`insert into vio_fact_tags (tag, event_id)
    select '*', id from vio_events
    union select 'g:' || region, id from vio_events where region <> ''
    union select 'd:' || district, id from vio_events where district <> ''
    union select 's:' || violation_status, id from vio_events where violation_status <> ''
    union select 'r:' || reliability, event_id from vio_information where reliability <> ''
    union select 'a:' || act_type, event_id from vio_acts
    union select 'p:' || coalesce(i.perpetrator_type, 'unknown'), a.event_id
      from vio_involvements i join vio_acts a on a.id = i.act_id`.execute(db);
}

async function rebuildCounts(db: Executor) {
  await sql`create temp table vf_open (id text, region text, district text, st text, dt text, n integer)`.execute(
    db,
  );
  await sql`insert into vf_open (id, region, district, st, dt, n)
    select e.id, e.region, e.district, e.violation_status, e.start_date,
      (select count(*) from vio_acts c where c.event_id = e.id)
    from vio_events e where e.restricted = 0`.execute(db);
  await sql`create index vf_open_id on vf_open (id)`.execute(db);
  await sql`create temp table vf_at (act_id text, event_id text, tag text, f integer)`.execute(db);
  await sql`insert into vf_at (act_id, event_id, tag, f)
    select a.id, a.event_id, 'a:' || a.act_type, 1 from ${OPEN_ACTS} a
    union select i.act_id, a.event_id, 'p:' || coalesce(i.perpetrator_type, 'unknown'), 1
      from vio_involvements i join ${OPEN_ACTS} a on a.id = i.act_id
    union select r.act_id, a.event_id, 'R:' || r.scheme || ':' || r.code, 0
      from vio_act_rights r join ${OPEN_ACTS} a on a.id = r.act_id`.execute(db);
  await sql`create index vf_at_act on vf_at (act_id, f)`.execute(db);
  await sql`create temp table vf_items (event_id text, tag text, f integer, t integer, act integer, n integer)`.execute(
    db,
  );
  // `''` filters nothing and `*` is every figure; `y:` (year) is a figure only, `R:` (right) too.
  await sql`insert into vf_items (event_id, tag, f, t, act, n)
    select id, '', 1, 0, 0, n from ${OPEN} o
    union all select id, '*', 0, 1, 0, n from ${OPEN} o
    union all select id, 'g:' || region, 1, 1, 0, n from ${OPEN} o where region <> ''
    union all select id, 'd:' || district, 1, 1, 0, n from ${OPEN} o where district <> ''
    union all select id, 's:' || st, 1, 1, 0, n from ${OPEN} o where st <> ''
    union all select id, 'b:' || substr(dt, 1, 7), 1, 1, 0, n from ${OPEN} o where dt <> ''
    union all select id, 'y:' || substr(dt, 1, 4), 0, 1, 0, n from ${OPEN} o where dt <> ''
    union all select r.event_id, r.tag, 1, 1, 0, o.n
      from (select distinct event_id, 'r:' || reliability as tag from vio_information where reliability <> '') r
      join ${OPEN} o on o.id = r.event_id
    union all select event_id, tag, f, 1, 1, count(*) from vf_at group by event_id, tag, f`.execute(db);
  await sql`create index vf_items_event on vf_items (event_id, t)`.execute(db);
  await sql`insert into vio_fact_counts (fkey, tag, ne, na, nea)
    select fkey, tag, sum(ne), sum(na), sum(nea) from (
      select fkey, tag, 1 as ne, na, case when na > 0 then 1 else 0 end as nea from (
        select x.tag as fkey, y.tag as tag,
          case when x.act = 1 and y.act = 1 then 0 when x.act = 1 then x.n else y.n end as na
        from vf_items x join vf_items y on y.event_id = x.event_id and y.t = 1
        where x.f = 1) pairs
      union all
      select p.tag, q.tag, 0, count(*), 1 from vf_at p join vf_at q on q.act_id = p.act_id
        where p.f = 1 group by p.event_id, p.tag, q.tag
    ) cells group by fkey, tag`.execute(db);
}

async function rebuildSubjects(db: Executor) {
  // Victims: one subject per (root, kind, group size), as `subjectsOf` keys them.
  await sql`create temp table vf_victims (root text, kind text, size integer, m integer)`.execute(db);
  await sql`insert into vf_victims (root, kind, size, m)
    select root, kind, size, count(*) from (
      select ${ROOT} as root, coalesce(pm.kind, p.kind) as kind, coalesce(pm.group_size, p.group_size) as size
      from ${OPEN_ACTS} a left join people p on p.id = a.victim_id left join people pm on pm.id = p.merged_into
    ) v where root is not null group by root, kind, size`.execute(db);
  await sql`insert into vio_fact_subjects (role, subject, m)
    select 'v', root || '|' || coalesce(kind, 'null') || '|' || coalesce(cast(size as text), ''), m from vf_victims
    union all
    select 'p', root, count(*) from (
      select distinct i.act_id, ${ROOT} as root
      from vio_involvements i join ${OPEN_ACTS} a on a.id = i.act_id
        left join people p on p.id = i.perpetrator_id left join people pm on pm.id = p.merged_into
    ) x where root is not null group by root`.execute(db);
  // The headline cells `subjectCells` adds for every subject with acts, under the filter key ''.
  await sql`insert into vio_fact_counts (fkey, tag, ne, na, nea)
    select '', tag, n, 0, 0 from (
      select 'V:' || coalesce(kind, 'null') as tag, count(*) as n from vf_victims group by kind
      union all select 'VS:group', sum(size) from vf_victims where kind = 'group' and size is not null
      union all select 'VN:group', count(*) from vf_victims where kind = 'group' and size is null
      union all select 'P:*', count(*) from vio_fact_subjects where role = 'p'
    ) h where n <> 0`.execute(db);
}

/** One row per event with its snap (restricted ones too: their members' figures add them at read time). */
async function rebuildEvents(db: Executor) {
  let last = '';
  for (;;) {
    // A page of ids, then its snaps by id range: index range scans, not one probe per event.
    const after = last;
    const end = await db
      .selectFrom('vio_events')
      .select('id')
      .where('id', '>', after)
      .orderBy('id')
      .offset(4999)
      .limit(1)
      .executeTakeFirst();
    const range = (col: string) =>
      end
        ? sql<SqlBool>`${sql.ref(col)} > ${after} and ${sql.ref(col)} <= ${end.id}`
        : sql<SqlBool>`${sql.ref(col)} > ${after}`;
    const loaded = await loadSnapsWhere(db, range);
    if (loaded.length === 0) return;
    last = end?.id ?? '';
    const rows = loaded.map((l) => ({
      event_id: l.id,
      restricted: l.snap.r,
      number: l.number,
      region: l.snap.g,
      district: l.snap.d,
      start_date: l.snap.date,
      status: l.snap.s,
      snap: JSON.stringify(l.snap),
    }));
    for (const part of chunks(rows, 1000)) await db.insertInto('vio_fact_events').values(part).execute();
    if (!end) return;
  }
}

/** Recompute every fact from scratch, set-wise; returns the number of events. */
export async function rebuildViolationFacts(db: Executor): Promise<number> {
  const run = async (tx: Executor) => {
    if (isPg(tx)) await sql`select pg_advisory_xact_lock(${LOCK_ALL[0]}, ${LOCK_ALL[1]})`.execute(tx);
    for (const t of ['vio_fact_tags', 'vio_fact_events', 'vio_fact_counts', 'vio_fact_subjects'] as const)
      await tx.deleteFrom(t).execute();
    await dropTemp(tx);
    await rebuildEvents(tx);
    await rebuildTags(tx);
    await rebuildCounts(tx);
    await rebuildSubjects(tx);
    await dropTemp(tx);
    const r = await sql<{ n: number | string }>`select count(*) as n from vio_fact_events`.execute(tx);
    return Number(r.rows[0]?.n ?? 0);
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
