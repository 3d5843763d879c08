import { sql, type RawBuilder } from 'kysely';
import type { Locale } from '../../../core/roles.ts';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { auditNow, type AppContext } from '../../platform/context.ts';
import type { Db, Executor } from '../../platform/db/db.ts';
import { tr } from '../../platform/i18n.ts';
import { zonedDay } from '../../../core/zoned-time.ts';
import { buildStatsYear, builtYear, type Dim } from './cases.stats.facts.ts';

/**
 * Statistics of people assisted in a year, computed in the database over codes only (no decryption).
 * Definitions, stated in every answer:
 * - a case counts for a year when it was open at any time during it;
 * - people assisted: distinct people who are client or victim in such a case (a person with three
 *   cases counts once; merged duplicates count once);
 * - victims of human-rights violations: those of them who are a victim in such a case, or the client
 *   of a victim-representation case.
 * Breakdowns count people too: a person with cases of two types appears under both types, so the
 * rows of a breakdown can add up to more than the total (the screen says so).
 */
export interface YearStats {
  year: number;
  people: number;
  victims: number;
  cases: number;
  casesOpened: number;
  casesClosed: number;
  byType: Row[];
  bySex: Row[];
  byAgeGroup: Row[];
  byRegion: Row[];
  byVulnerability: Row[];
  byOutcome: Row[];
  definitions: { people: string; victims: string };
}
type Row = { value: string; people: number };

/** One figure: a count of people (or of cases for `cases`, `opened`, `closed`); '' stands for null. */
export interface Figure {
  dim: Dim;
  value: string;
  n: number;
}

/**
 * The figures computed from the live tables: the reference the derived tables (cases.stats.facts.ts)
 * must equal, and the answer for a year that is not built (a future year). Every people figure in one
 * statement over a materialised join instead of one join per figure.
 */
export async function liveFigures(db: Executor, year: number): Promise<Figure[]> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const count = async (where: RawBuilder<unknown>) =>
    Number(
      (await sql<{ n: number | string }>`select count(*) as n from cases where ${where}`.execute(db)).rows[0]
        ?.n ?? 0,
    );
  const [people, cases, opened, closed] = await Promise.all([
    sql<{ dim: Dim; value: string | null; n: number | string }>`
    with a as materialized (
      select cp.person_id, c.type, c.closing_code, c.closed_on, cp.role
      from case_people cp join cases c on c.id = cp.case_id
      where c.opened_on <= ${end} and (c.closed_on is null or c.closed_on >= ${start})
        and cp.role in ('client', 'victim')),
    s as materialized (select distinct person_id from a),
    pp as materialized (select p.id, p.sex, p.age_group, p.region from people p join s on s.person_id = p.id)
    select 'people' as dim, null as value, count(*) as n from s
    union all select 'victims', null, count(distinct person_id) from a where role = 'victim' or type = 'victim_representation'
    union all select 'type', type, count(distinct person_id) from a group by type
    union all select 'outcome', closing_code, count(distinct person_id) from a where closed_on between ${start} and ${end} group by closing_code
    union all select 'sex', sex, count(*) from pp group by sex
    union all select 'age', age_group, count(*) from pp group by age_group
    union all select 'region', region, count(*) from pp group by region
    union all select 'vul', v.code, count(distinct v.person_id) from person_vulnerabilities v join s on s.person_id = v.person_id group by v.code`.execute(
      db,
    ),
    count(sql`opened_on <= ${end} and (closed_on is null or closed_on >= ${start})`),
    count(sql`opened_on between ${start} and ${end}`),
    count(sql`closed_on between ${start} and ${end}`),
  ]);
  return [
    ...people.rows.map((r) => ({ dim: r.dim, value: r.value ?? '', n: Number(r.n) })),
    { dim: 'cases' as const, value: '', n: cases },
    { dim: 'opened' as const, value: '', n: opened },
    { dim: 'closed' as const, value: '', n: closed },
  ].filter((f) => f.n > 0);
}

/** The counts of a built year, read with the "built" mark in one statement; null when not built. */
async function countedFigures(db: Executor, year: number): Promise<Figure[] | null> {
  const rows = await db
    .selectFrom('case_stat_years as y')
    .leftJoin('case_stat_counts as c', 'c.year', 'y.year')
    .select(['c.dim', 'c.value', 'c.n'])
    .where('y.year', '=', year)
    .execute();
  if (!rows.length) return null;
  return rows.flatMap((r) =>
    r.dim === null || r.value === null || r.n === null
      ? []
      : [{ dim: r.dim as Dim, value: r.value, n: Number(r.n) }],
  );
}

/**
 * The figures of a year: the counts kept by every write (cases.stats.facts.ts); outside a transaction
 * a year not built yet is built first (ensureYearBuilt); else, or for a future year, the live figures.
 */
export async function yearFigures(db: Executor, year: number): Promise<Figure[]> {
  const counted = await countedFigures(db, year);
  if (counted) return counted;
  if (!db.isTransaction && (await ensureYearBuilt(db, year))) return (await countedFigures(db, year))!;
  return liveFigures(db, year);
}

/** The statistics of a year (the route, the exports and the PDF report). */
export async function yearStats(db: Executor, year: number, locale: Locale): Promise<YearStats> {
  const rows = (await yearFigures(db, year)).map((r) => ({
    dim: r.dim,
    value: r.value === '' ? 'unknown' : r.value,
    people: r.n,
  }));
  const total = (d: Dim) => rows.find((r) => r.dim === d)?.people ?? 0;
  const of = (d: Dim): Row[] =>
    rows
      .filter((r) => r.dim === d)
      .map(({ value, people }) => ({ value, people }))
      .sort((a, b) => b.people - a.people || a.value.localeCompare(b.value));
  return {
    year,
    people: total('people'),
    victims: total('victims'),
    cases: total('cases'),
    casesOpened: total('opened'),
    casesClosed: total('closed'),
    byType: of('type'),
    bySex: of('sex'),
    byAgeGroup: of('age'),
    byRegion: of('region'),
    byVulnerability: of('vul'),
    byOutcome: of('outcome'),
    definitions: {
      people: tr(locale, 'errors:stats_definition.people'),
      victims: tr(locale, 'errors:stats_definition.victims'),
    },
  };
}

/**
 * Build the derived figures of a year on its first request (after the upgrade that added them, a
 * restore, or the turn of a year), so that later requests read counts. A year after the current one is
 * answered from the live tables and not built: its open cases would have to be kept for every year
 * to come.
 */
export async function ensureYearBuilt(db: Db, year: number): Promise<boolean> {
  if (year > Number(zonedDay(Date.now()).slice(0, 4))) return false;
  if (!(await builtYear(db, year))) await db.transaction().execute((tx) => buildStatsYear(tx, year, true));
  return true;
}

export async function getStats(ctx: AppContext, actor: Actor | null, year: number, locale: Locale) {
  requireCap(actor, 'reports.read');
  const stats = await yearStats(ctx.db, year, locale);
  await auditNow(ctx, {
    actorId: actor.userId,
    action: 'stats.read',
    entityType: 'stats',
    details: { year },
  });
  return stats;
}
