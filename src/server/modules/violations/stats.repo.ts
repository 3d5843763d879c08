import { sql, type RawBuilder } from 'kysely';
import { districtsOf, REGION_CODES } from '../../../core/geo/regions.ts';
import type { StatsBy, StatsUnit } from '../../../core/schemas/violation-stats.ts';
import type { Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import type { factEvents } from './facts.query.ts';
import { filteredEvents, type EventFilter } from './violations.repo.ts';

/**
 * The counting queries of violation statistics, over codes only (no decryption). The base is the
 * event list's own filter (`filteredEvents`: same names, same meaning, need-to-know applied), so a
 * figure here and the total of the list screen agree. `all` (publications an administrator opts into)
 * counts restricted events as well, over the same filters written once more below.
 *
 * Acts: the acts of those events; with an act-type or perpetrator-type filter, only the matching acts
 * (the filter asks about them). Victims: distinct individual people, a merged duplicate counted as the
 * record it was merged into; groups are counted apart.
 */
export type Scope = { actor: Actor; facts?: FactBase; live?: boolean } | { all: true } | { open: true };
/**
 * The actor's events from the inverted index of ADR 0011 (`factEvents`, built by the caller): the
 * same events as `filteredEvents`, found in time proportional to the rarest filter. Without it the
 * live tables are read (the reference, exports and publications).
 */
export type FactBase = Awaited<ReturnType<typeof factEvents>>;

// Bishkek and Osh city have no districts: on the district map they are areas of their own.
const CITIES = REGION_CODES.filter((r) => districtsOf(r).length === 0);

function exists(sub: RawBuilder<unknown>) {
  return sql<boolean>`exists (${sub})`;
}

/** Every event under the filters, restricted or not (publications only: no text search, no "mine"). */
function allEvents(db: Executor, f: EventFilter) {
  let q = db.selectFrom('vio_events as e');
  if (f.region) q = q.where('e.region', '=', f.region);
  if (f.district) q = q.where('e.district', '=', f.district);
  if (f.violationStatus) q = q.where('e.violation_status', '=', f.violationStatus);
  if (f.from) q = q.where('e.start_date', '>=', f.from);
  if (f.to) q = q.where('e.start_date', '<=', `${f.to}-99`);
  if (f.actType)
    q = q.where(
      exists(sql`select 1 from vio_acts fa where fa.event_id = e.id and fa.act_type = ${f.actType}`),
    );
  if (f.perpetratorType)
    q = q.where(
      exists(
        sql`select 1 from vio_involvements fi join vio_acts fia on fia.id = fi.act_id where fia.event_id = e.id and fi.perpetrator_type = ${f.perpetratorType}`,
      ),
    );
  if (f.reliability)
    q = q.where(
      exists(
        sql`select 1 from vio_information fr where fr.event_id = e.id and fr.reliability = ${f.reliability}`,
      ),
    );
  return q;
}

/** The events of a scope: the actor's view, every event, or the unrestricted ones (publications). */
function baseOf(db: Executor, scope: Scope, f: EventFilter) {
  if ('actor' in scope) return filteredEvents(db, scope.actor, f);
  const q = allEvents(db, f);
  return 'open' in scope ? q.where('e.restricted', '=', 0) : q;
}

export function eventsOf(db: Executor, scope: Scope, f: EventFilter) {
  if ('actor' in scope && scope.facts)
    return scope.facts.select(['e.event_id as id', 'e.region', 'e.district', 'e.start_date']);
  return baseOf(db, scope, f).select(['e.id', 'e.region', 'e.district', 'e.start_date']);
}

/** The acts counted, with the place and date of their event. */
function actsOf(db: Executor, scope: Scope, f: EventFilter): RawBuilder<unknown> {
  const ev = eventsOf(db, scope, f);
  const type = f.actType ? sql`and a.act_type = ${f.actType}` : sql``;
  const perp = f.perpetratorType
    ? sql`and exists (select 1 from vio_involvements pi where pi.act_id = a.id and pi.perpetrator_type = ${f.perpetratorType})`
    : sql``;
  // `cross join … where` is an inner join on both databases; on SQLite it also fixes the loop order
  // (events outside, their acts from the covering index of migration 0014 inside), which its planner
  // otherwise inverts into one event look-up per act.
  return sql`select a.id, a.event_id, a.act_type, a.victim_id, ev.region, ev.district, ev.start_date
    from ${ev} ev cross join vio_acts a where a.event_id = ev.id ${type} ${perp}`;
}

/** The person a victim or perpetrator record stands for: follows `merged_into` (two steps). */
const ROOT = sql`coalesce(pm.merged_into, pm.id, p.id)`;
const PEOPLE = sql`join people p on p.id = x.person_id left join people pm on pm.id = p.merged_into`;

type N = number | string | null;
export interface Headline {
  events: number;
  acts: number;
  victims: number;
  perpetrators: number;
  groupVictims: number;
  groupVictimsSize: number;
  groupVictimsWithoutSize: number;
}

export async function headline(db: Executor, scope: Scope, f: EventFilter): Promise<Headline> {
  const acts = actsOf(db, scope, f);
  // One walk over the acts gives both the act count and the victims (acts per victim record, summed).
  const perVictim = sql`select ac.victim_id as person_id, count(*) as n from (${acts}) ac group by ac.victim_id`;
  const [events, people, perpetrators] = await Promise.all([
    sql<{ n: N }>`select count(*) as n from ${eventsOf(db, scope, f)} ev`.execute(db),
    sql<{ kind: string; n: N; acts: N; size: N; nosize: N }>`
      with x as (select ${ROOT} as root, coalesce(pm.kind, p.kind) as kind,
          coalesce(pm.group_size, p.group_size) as group_size, x.n
        from (${perVictim}) x ${PEOPLE}),
      r as (select root, kind, max(group_size) as group_size, sum(n) as acts from x group by root, kind)
      select kind, count(*) as n, sum(acts) as acts, sum(group_size) as size,
        sum(case when group_size is null then 1 else 0 end) as nosize
      from r group by kind`.execute(db),
    sql<{ n: N }>`select count(distinct ${ROOT}) as n
      from (select distinct i.perpetrator_id as person_id from (${acts}) ac join vio_involvements i on i.act_id = ac.id) x
      ${PEOPLE}`.execute(db),
  ]);
  const kind = (k: string) => people.rows.find((r) => r.kind === k);
  return {
    events: Number(events.rows[0]?.n ?? 0),
    acts: people.rows.reduce((sum, r) => sum + Number(r.acts ?? 0), 0),
    victims: Number(kind('individual')?.n ?? 0),
    perpetrators: Number(perpetrators.rows[0]?.n ?? 0),
    groupVictims: Number(kind('group')?.n ?? 0),
    groupVictimsSize: Number(kind('group')?.size ?? 0),
    groupVictimsWithoutSize: Number(kind('group')?.nosize ?? 0),
  };
}

export interface BreakdownSpec {
  by: StatsBy;
  unit: StatsUnit;
  /** Act types rolled up to this hierarchy level (2 digits per level of the 12-digit code). */
  level?: number | undefined;
  period?: 'year' | 'month' | undefined;
}

/** The code of a row, as an SQL expression over the act rows `ac` (and a joined table `j`). */
function codeOf(s: BreakdownSpec): { code: RawBuilder<unknown>; join: RawBuilder<unknown> } {
  const none = sql``;
  switch (s.by) {
    case 'actType': {
      if (!s.level) return { code: sql`ac.act_type`, join: none };
      const keep = 2 * s.level;
      return {
        code: sql`substr(ac.act_type, 1, ${sql.lit(keep)}) || ${sql.lit('0'.repeat(12 - keep))}`,
        join: none,
      };
    }
    case 'right':
      return { code: sql`j.scheme || ':' || j.code`, join: sql`join vio_act_rights j on j.act_id = ac.id` };
    case 'perpetratorType':
      return {
        code: sql`coalesce(j.perpetrator_type, 'unknown')`,
        join: sql`join vio_involvements j on j.act_id = ac.id`,
      };
    case 'region':
      return { code: sql`coalesce(ac.region, 'unknown')`, join: none };
    case 'district':
      return {
        code: sql`case when ac.district is not null then ac.district when ac.region in (${sql.join(CITIES)}) then ac.region else 'unknown' end`,
        join: none,
      };
    case 'period':
      return {
        code: sql`coalesce(substr(ac.start_date, 1, ${sql.lit(s.period === 'month' ? 7 : 4)}), 'unknown')`,
        join: none,
      };
    default:
      throw new Error(`not an act breakdown: ${s.by}`);
  }
}

export type Rows = { code: string; count: number }[];
export const toRows = (rows: { code: string | null; n: N }[]): Rows =>
  rows
    .map((r) => ({ code: r.code ?? 'unknown', count: Number(r.n ?? 0) }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));

/** One breakdown in its unit. Event-level breakdowns by place and period count from the events alone. */
export async function breakdown(db: Executor, scope: Scope, f: EventFilter, s: BreakdownSpec): Promise<Rows> {
  if (s.by === 'sex' || s.by === 'ageGroup' || s.by === 'vulnerability')
    return victimBreakdown(db, scope, f, s.by);
  // Places and periods are the event's: counted in events, they come from the events themselves (an
  // event without any act still counts under its place and period).
  const eventRows = (s.by === 'region' || s.by === 'district' || s.by === 'period') && s.unit === 'events';
  const from = eventRows ? sql`${eventsOf(db, scope, f)} ac` : sql`(${actsOf(db, scope, f)}) ac`;
  const { code, join } = codeOf(s);
  if (s.unit === 'victims') {
    const r = await sql<{ code: string | null; n: N }>`
      select x.code, count(distinct ${ROOT}) as n
      from (select distinct ${code} as code, ac.victim_id as person_id from ${from} ${join}) x ${PEOPLE}
      where coalesce(pm.kind, p.kind) = 'individual'
      group by x.code`.execute(db);
    return toRows(r.rows);
  }
  const what =
    s.unit === 'acts'
      ? sql`count(distinct ac.id)`
      : eventRows
        ? sql`count(*)`
        : sql`count(distinct ac.event_id)`;
  const r = await sql<{ code: string | null; n: N }>`
    select ${code} as code, ${what} as n from ${from} ${join} group by 1`.execute(db);
  return toRows(r.rows);
}

/** Victims by sex, age group or vulnerability (individuals only; vulnerabilities can overlap). */
async function victimBreakdown(
  db: Executor,
  scope: Scope,
  f: EventFilter,
  by: 'sex' | 'ageGroup' | 'vulnerability',
): Promise<Rows> {
  const victims = sql`select distinct ac.victim_id as person_id from (${actsOf(db, scope, f)}) ac`;
  const roots = sql`select distinct ${ROOT} as root from (${victims}) x ${PEOPLE}
    where coalesce(pm.kind, p.kind) = 'individual'`;
  const r =
    by === 'vulnerability'
      ? await sql<{ code: string | null; n: N }>`select v.code, count(*) as n
          from (${roots}) r join person_vulnerabilities v on v.person_id = r.root group by v.code`.execute(db)
      : await sql<{
          code: string | null;
          n: N;
        }>`select ${sql.ref(`q.${by === 'sex' ? 'sex' : 'age_group'}`)} as code, count(*) as n
          from (${roots}) r join people q on q.id = r.root group by 1`.execute(db);
  return toRows(r.rows);
}

/** How many acts an export under these filters holds, and the last event id (the export stops there). */
export async function exportHead(db: Executor, scope: Scope, f: EventFilter) {
  const r = await sql<{ n: N; last: string | null }>`select count(*) as n, max(ac.event_id) as last
    from (${actsOf(db, scope, f)}) ac`.execute(db);
  return { count: Number(r.rows[0]?.n ?? 0), last: r.rows[0]?.last ?? null };
}

export interface ExportActRow {
  id: string;
  event_id: string;
  act_type: string;
  victim_id: string;
  act_start: string | null;
  number: string;
  event_start: string | null;
  region: string | null;
  district: string | null;
  violation_status: string | null;
  dek: string;
  title_enc: string;
}

/** A page of acts in (event, act) order after the given position, up to the last event counted. */
export async function exportPage(
  db: Executor,
  scope: Scope,
  f: EventFilter,
  last: string,
  after: { event: string; act: string } | null,
  limit: number,
): Promise<ExportActRow[]> {
  const ev = baseOf(db, scope, f).select([
    'e.id',
    'e.number',
    'e.start_date',
    'e.region',
    'e.district',
    'e.violation_status',
    'e.dek',
    'e.title_enc',
  ]);
  const type = f.actType ? sql`and a.act_type = ${f.actType}` : sql``;
  const perp = f.perpetratorType
    ? sql`and exists (select 1 from vio_involvements pi where pi.act_id = a.id and pi.perpetrator_type = ${f.perpetratorType})`
    : sql``;
  const pos = after
    ? sql`and (ev.id > ${after.event} or (ev.id = ${after.event} and a.id > ${after.act}))`
    : sql``;
  const r = await sql<ExportActRow>`
    select a.id, a.event_id, a.act_type, a.victim_id, a.start_date as act_start, ev.number,
      ev.start_date as event_start, ev.region, ev.district, ev.violation_status, ev.dek, ev.title_enc
    from ${ev} ev cross join vio_acts a
    where a.event_id = ev.id and ev.id <= ${last} ${type} ${perp} ${pos}
    order by ev.id, a.id limit ${limit}`.execute(db);
  return r.rows;
}
