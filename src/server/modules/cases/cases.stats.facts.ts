import { createHash } from 'node:crypto';
import { PostgresAdapter, sql, type RawBuilder } from 'kysely';
import type { Db, Executor } from '../../platform/db/db.ts';

/**
 * The derived tables behind the statistics of a year (migration 0011, ADR 0009). A fact says that a
 * subject counts in a year under a figure: person P under `sex = female` in 2025, case C under `cases`.
 * `case_stat_counts` holds the number of facts per (year, figure, value), which is what a distinct
 * count is, so reading a year is a read of some 60 rows instead of a join over every case of the year.
 *
 * Kept exact by one rule: every transaction that changes an input (a case's dates, type or outcome,
 * who is client or victim in it, a person's sex, age group, region or vulnerabilities, a merge) calls
 * `refreshCaseStats` with the cases and people it touched, after its changes. The refresh recomputes
 * those subjects' facts from the live tables with the same definitions as the statistics
 * (`factsQuery` below is the one place they are written) and applies the difference to the counts.
 * Only built years (`case_stat_years`) are kept; `buildStatsYear` builds one from scratch.
 *
 * PostgreSQL runs transactions concurrently: a refresh holds a shared lock on the statistics and an
 * exclusive lock per subject (so two refreshes of one person do not both apply the same difference),
 * and a build holds the statistics lock exclusively. Each statement after the locks sees what the
 * transactions before it committed (READ COMMITTED). SQLite runs one transaction at a time.
 */

// Advisory lock keys (pg_advisory_xact_lock(int, int)): the whole statistics, and one per subject.
const LOCK_ALL = [0x554b53, 0] as const;
const LOCK_SUBJECT = 0x554b54;

export type Dim =
  | 'people'
  | 'victims'
  | 'type'
  | 'outcome'
  | 'sex'
  | 'age'
  | 'region'
  | 'vul'
  | 'cases'
  | 'opened'
  | 'closed';
const PERSON_DIMS: Dim[] = ['people', 'victims', 'type', 'outcome', 'sex', 'age', 'region', 'vul'];
const CASE_DIMS: Dim[] = ['cases', 'opened', 'closed'];

interface Fact {
  year: number;
  subject_id: string;
  dim: string;
  value: string;
}
const factKey = (f: Fact) => `${f.year}\u0000${f.subject_id}\u0000${f.dim}\u0000${f.value}`;

export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Text bounds of a year held in a column: '2025-01-01' and '2025-12-31'. */
const first = (year: RawBuilder<unknown>) => sql`(cast(${year} as text) || '-01-01')`;
const last = (year: RawBuilder<unknown>) => sql`(cast(${year} as text) || '-12-31')`;

interface Scope {
  /** One year (a build), or every built year (a refresh). */
  year?: number;
  people?: readonly string[];
  cases?: readonly string[];
}

/**
 * The facts of the built years (or of `scope.year`), for the given people and cases or for all of them.
 * The definitions of the statistics (cases.stats.ts states them to the user):
 * - a case counts for a year when it was open at any time during it;
 * - a person counts when they are client or victim in such a case; as a victim of a human-rights
 *   violation when they are a victim in it, or the client of a victim-representation case; under the
 *   type of each such case, and the outcome of each such case closed during the year;
 * - sex, age group, region and vulnerabilities are the person's as recorded now;
 * - null values are stored as '' (a key column cannot hold null on PostgreSQL).
 */
function factsQuery(scope: Scope): RawBuilder<Fact> {
  const y = sql.ref('y.year');
  const years = scope.year === undefined ? sql`` : sql`and y.year = ${scope.year}`;
  const active = sql`c.opened_on <= ${last(y)} and (c.closed_on is null or c.closed_on >= ${first(y)})`;
  const inList = (col: string, ids: readonly string[] | undefined) =>
    ids === undefined ? sql`` : sql`and ${sql.ref(col)} in (${sql.join(ids.length ? ids : [''])})`;
  // SQLite keeps the order of a CROSS JOIN (it has no statistics to choose one): a build starts from
  // the year's cases, a refresh from its few people or cases. PostgreSQL plans either freely.
  const byYear = scope.year !== undefined;
  const casesFrom = byYear
    ? sql`case_stat_years y cross join cases c`
    : sql`cases c cross join case_stat_years y`;
  const peopleFrom = byYear
    ? sql`case_stat_years y cross join cases c cross join case_people cp`
    : sql`case_people cp cross join cases c cross join case_stat_years y`;
  const cases = inList('c.id', scope.cases);
  const yf = first(sql.ref('year'));
  const yl = last(sql.ref('year'));
  return sql<Fact>`
    with a as materialized (
      select y.year, cp.person_id, cp.role, c.type, c.closing_code, c.closed_on
      from ${peopleFrom}
      where cp.case_id = c.id and ${active} and cp.role in ('client', 'victim')
        ${years} ${inList('cp.person_id', scope.people)}),
    ap as materialized (select distinct year, person_id from a),
    pa as materialized (
      select ap.year, p.id, p.sex, p.age_group, p.region from ap join people p on p.id = ap.person_id)
    select year, person_id as subject_id, 'people' as dim, '' as value from ap
    union all select distinct year, person_id, 'victims', '' from a
      where role = 'victim' or type = 'victim_representation'
    union all select distinct year, person_id, 'type', type from a
    union all select distinct year, person_id, 'outcome', coalesce(closing_code, '') from a
      where closed_on >= ${yf} and closed_on <= ${yl}
    union all select year, id, 'sex', sex from pa
    union all select year, id, 'age', age_group from pa
    union all select year, id, 'region', coalesce(region, '') from pa
    union all select ap.year, v.person_id, 'vul', v.code from ap
      join person_vulnerabilities v on v.person_id = ap.person_id
    union all select y.year, c.id, 'cases', '' from ${casesFrom} where ${active} ${years} ${cases}
    union all select y.year, c.id, 'opened', '' from ${casesFrom}
      where c.opened_on >= ${first(y)} and c.opened_on <= ${last(y)} ${years} ${cases}
    union all select y.year, c.id, 'closed', '' from ${casesFrom}
      where c.closed_on >= ${first(y)} and c.closed_on <= ${last(y)} ${years} ${cases}`;
}

const lockKey = (id: string) => createHash('sha256').update(id).digest().readInt32BE(0);

/**
 * Bring the facts and counts of the given cases and people (and of everyone who is in those cases)
 * up to date, inside the caller's transaction, after its changes. Pass a person who was removed from
 * a case or merged away explicitly: they are no longer found through the case.
 */
export async function refreshCaseStats(
  tx: Executor,
  subjects: { cases?: readonly string[]; people?: readonly string[] },
): Promise<void> {
  const cases = [...new Set(subjects.cases ?? [])];
  const inCases = cases.length
    ? await tx.selectFrom('case_people').select('person_id').where('case_id', 'in', cases).execute()
    : [];
  const people = [...new Set([...(subjects.people ?? []), ...inCases.map((r) => r.person_id)])];
  if (!cases.length && !people.length) return;
  if (isPostgres(tx)) {
    await sql`select pg_advisory_xact_lock_shared(${LOCK_ALL[0]}, ${LOCK_ALL[1]})`.execute(tx);
    // In one order everywhere, so that two refreshes never wait for each other in a cycle.
    const keys = [...new Set([...cases, ...people].map(lockKey))].sort((a, b) => a - b);
    for (const k of keys) await sql`select pg_advisory_xact_lock(${LOCK_SUBJECT}, ${k})`.execute(tx);
  }
  const built = await tx.selectFrom('case_stat_years').select('year').execute();
  if (!built.length) return;
  const years = built.map((r) => r.year);
  const subjectIds = [...cases, ...people];
  const [now, old] = await Promise.all([
    factsQuery({ cases, people }).execute(tx),
    tx
      .selectFrom('case_stat_facts')
      .selectAll()
      .where('year', 'in', years)
      .where('subject_id', 'in', subjectIds)
      .execute(),
  ]);
  // A case id and a person id never coincide (UUIDv7), but the figures are kept apart anyway.
  const mine = (f: Fact) =>
    (cases.includes(f.subject_id) && CASE_DIMS.includes(f.dim as Dim)) ||
    (people.includes(f.subject_id) && PERSON_DIMS.includes(f.dim as Dim));
  const before = new Map(old.filter(mine).map((f) => [factKey(f), f]));
  const after = new Map(now.rows.map((f) => [factKey(f), { ...f, year: Number(f.year) }]));
  const gone = [...before].filter(([k]) => !after.has(k)).map(([, f]) => f);
  const added = [...after].filter(([k]) => !before.has(k)).map(([, f]) => f);
  if (!gone.length && !added.length) return;
  for (const f of gone)
    await tx
      .deleteFrom('case_stat_facts')
      .where('year', '=', f.year)
      .where('subject_id', '=', f.subject_id)
      .where('dim', '=', f.dim)
      .where('value', '=', f.value)
      .execute();
  for (let i = 0; i < added.length; i += 500)
    await tx
      .insertInto('case_stat_facts')
      .values(added.slice(i, i + 500))
      .execute();
  await applyCounts(tx, gone, added);
}

/** Add the difference to the counts, in key order (rows locked in one order by every writer). */
async function applyCounts(tx: Executor, gone: Fact[], added: Fact[]): Promise<void> {
  const delta = new Map<string, { year: number; dim: string; value: string; n: number }>();
  const add = (f: Fact, d: number) => {
    const k = `${f.year}\u0000${f.dim}\u0000${f.value}`;
    const e = delta.get(k) ?? { year: f.year, dim: f.dim, value: f.value, n: 0 };
    e.n += d;
    delta.set(k, e);
  };
  gone.forEach((f) => add(f, -1));
  added.forEach((f) => add(f, 1));
  const rows = [...delta]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, e]) => e)
    .filter((e) => e.n !== 0);
  for (const r of rows) {
    await tx
      .insertInto('case_stat_counts')
      .values(r)
      .onConflict((oc) =>
        oc.columns(['year', 'dim', 'value']).doUpdateSet({ n: sql`case_stat_counts.n + ${r.n}` }),
      )
      .execute();
    if (r.n < 0)
      await tx
        .deleteFrom('case_stat_counts')
        .where('year', '=', r.year)
        .where('dim', '=', r.dim)
        .where('value', '=', r.value)
        .where('n', '<=', 0)
        .execute();
  }
}

/**
 * Build (or rebuild) one year from the live tables in the caller's transaction, holding the
 * statistics lock exclusively. Returns false when `ifMissing` and another request built it first.
 */
export async function buildStatsYear(tx: Executor, year: number, ifMissing = false): Promise<boolean> {
  if (isPostgres(tx)) await sql`select pg_advisory_xact_lock(${LOCK_ALL[0]}, ${LOCK_ALL[1]})`.execute(tx);
  if (ifMissing && (await builtYear(tx, year))) return false;
  await tx.deleteFrom('case_stat_counts').where('year', '=', year).execute();
  await tx.deleteFrom('case_stat_facts').where('year', '=', year).execute();
  await tx.deleteFrom('case_stat_years').where('year', '=', year).execute();
  await tx.insertInto('case_stat_years').values({ year, built_at: new Date().toISOString() }).execute();
  await sql`insert into case_stat_facts (year, subject_id, dim, value) ${factsQuery({ year })}`.execute(tx);
  await sql`insert into case_stat_counts (year, dim, value, n)
    select year, dim, value, count(*) from case_stat_facts where year = ${year}
    group by year, dim, value`.execute(tx);
  return true;
}

export async function builtYear(db: Executor, year: number): Promise<boolean> {
  const r = await db.selectFrom('case_stat_years').select('year').where('year', '=', year).executeTakeFirst();
  return r !== undefined;
}

/**
 * Rebuild every built year (or the given ones) from the live tables, one transaction per year: after
 * a bulk load that bypassed the services, or a change of the definitions. Returns the years built.
 */
export async function rebuildCaseStats(db: Db, years?: readonly number[]): Promise<number[]> {
  const todo = years ?? (await db.selectFrom('case_stat_years').select('year').execute()).map((r) => r.year);
  for (const year of todo) await db.transaction().execute((tx) => buildStatsYear(tx, year));
  return [...todo];
}
