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
  return sql`select id, type, closing_code, closed_on from cases where opened_on <= ${end} and (closed_on is null or closed_on >= ${start})`;
}

function assisted(start: string, end: string): RawBuilder<unknown> {
  return sql`select cp.person_id, a.type, a.closing_code, a.closed_on, cp.role from case_people cp join (${active(start, end)}) a on a.id = cp.case_id where cp.role in ('client', 'victim')`;
}

async function count(db: Executor, q: RawBuilder<unknown>): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from (${q}) x`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

async function breakdown(db: Executor, q: RawBuilder<unknown>): Promise<Row[]> {
  const r = await sql<{ value: string | null; people: number | string }>`${q}`.execute(db);
  return r.rows
    .map((x) => ({ value: x.value ?? 'unknown', people: Number(x.people) }))
    .sort((a, b) => b.people - a.people || a.value.localeCompare(b.value));
}

export async function yearStats(db: Executor, year: number, locale: Locale): Promise<YearStats> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const A = assisted(start, end);
  const people = sql`select distinct person_id from (${A}) s`;
  const victims = sql`select distinct person_id from (${A}) s where role = 'victim' or type = 'victim_representation'`;
  const byPerson = (col: RawBuilder<unknown>) =>
    breakdown(
      db,
      sql`select ${col} as value, count(distinct p.id) as people from people p where p.id in (${people}) group by ${col}`,
    );
  const [nPeople, nVictims, cases, opened, closed] = await Promise.all([
    count(db, people),
    count(db, victims),
    count(db, active(start, end)),
    count(db, sql`select id from cases where opened_on between ${start} and ${end}`),
    count(db, sql`select id from cases where closed_on between ${start} and ${end}`),
  ]);
  const [byType, bySex, byAgeGroup, byRegion, byVulnerability, byOutcome] = await Promise.all([
    breakdown(db, sql`select type as value, count(distinct person_id) as people from (${A}) s group by type`),
    byPerson(sql`p.sex`),
    byPerson(sql`p.age_group`),
    byPerson(sql`p.region`),
    breakdown(
      db,
      sql`select code as value, count(distinct person_id) as people from person_vulnerabilities where person_id in (${people}) group by code`,
    ),
    breakdown(
      db,
      sql`select closing_code as value, count(distinct person_id) as people from (${A}) s where closed_on between ${start} and ${end} group by closing_code`,
    ),
  ]);
  return {
    year,
    people: nPeople,
    victims: nVictims,
    cases,
    casesOpened: opened,
    casesClosed: closed,
    byType,
    bySex,
    byAgeGroup,
    byRegion,
    byVulnerability,
    byOutcome,
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
