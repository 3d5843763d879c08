import { sql, type RawBuilder } from 'kysely';
import type { Locale } from '../../../core/roles.ts';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { auditNow, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { tr } from '../../platform/i18n.ts';

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

function active(start: string, end: string): RawBuilder<unknown> {
  return sql`select id from cases where opened_on <= ${end} and (closed_on is null or closed_on >= ${start})`;
}

async function count(db: Executor, q: RawBuilder<unknown>): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from (${q}) x`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

type Dim = 'type' | 'sex' | 'age' | 'region' | 'vul' | 'outcome' | 'people' | 'victims';

/**
 * Every people figure in one statement: the join of open cases with their clients and victims is
 * computed once (materialised) and each breakdown groups over it, instead of re-running the join per
 * figure (bench/legal.ts measured ~10× on SQLite, which has no planner statistics).
 */
function peopleFigures(
  start: string,
  end: string,
): RawBuilder<{ dim: Dim; value: string | null; n: number | string }> {
  return sql`
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
    union all select 'vul', v.code, count(distinct v.person_id) from person_vulnerabilities v join s on s.person_id = v.person_id group by v.code`;
}

export async function yearStats(db: Executor, year: number, locale: Locale): Promise<YearStats> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const [figures, cases, opened, closed] = await Promise.all([
    peopleFigures(start, end).execute(db),
    count(db, active(start, end)),
    count(db, sql`select id from cases where opened_on between ${start} and ${end}`),
    count(db, sql`select id from cases where closed_on between ${start} and ${end}`),
  ]);
  const rows = figures.rows.map((r) => ({ dim: r.dim, value: r.value ?? 'unknown', people: Number(r.n) }));
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
    cases,
    casesOpened: opened,
    casesClosed: closed,
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
