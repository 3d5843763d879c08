import type { z } from 'zod';
import type { FlatField, L10n } from '../../../core/forms/index.ts';
import type { Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import { loadMission, regionInScope, requireReviewer, type Scope } from './monitoring.access.ts';
import {
  checklistCount,
  countedSum,
  expectedAt,
  hasObserver,
  receivedCount,
  receivedPairs,
  staffedCount,
  staffedVisits,
  unstaffedCounted,
} from './sites.status.ts';
import { entriesCounted } from './counts.entries.job.ts';
import { verifiedCounted } from './counts.verified.job.ts';
import { districtFigures } from './summary.districts.ts';
import type * as S from './summary.schemas.ts';
import { countedPath, groupPath, publishedVersion, type CachedVersion } from './submissions.forms.ts';

type Summary = z.infer<typeof S.Summary>;
const YES: L10n = { ky: 'Ооба', ru: 'Да', en: 'Yes' };
const NO: L10n = { ky: 'Жок', ru: 'Нет', en: 'No' };

/**
 * The live dashboard of a mission (issue #5 item 5), read from the counters kept with every
 * submission: O(regions + fields) rows, never a scan of submissions. A region coordinator gets their
 * regions' rows only.
 */
export async function buildSummary(
  ctx: AppContext,
  missionId: string,
  scope: Scope,
  opts: { verifiedOnly?: boolean } = {},
): Promise<Summary> {
  // Verified only (ADR 0035): incidents and answers from verified and published reports;
  // coverage still counts every checklist in, since a report that arrived is a fact, not a claim.
  const verified = opts.verifiedOnly === true;
  const regionFilter = scope.kind === 'regions' ? scope.regions : null;
  const only = <T extends { region: string }>(rows: T[]) =>
    regionFilter ? rows.filter((r) => regionFilter.includes(r.region)) : rows;
  const [mission, forms, sites, regions, hours, answers, received, entries] = await Promise.all([
    ctx.db
      .selectFrom('missions')
      .select(['created_at', 'starts_on'])
      .where('id', '=', missionId)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('mission_forms')
      .selectAll()
      .where('mission_id', '=', missionId)
      .orderBy('position')
      .execute(),
    ctx.db
      .selectFrom('sites as s')
      .select([
        's.region',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => staffedCount(eb).as('staffed'),
        (eb) => staffedVisits(eb).as('visits'),
      ])
      .where('s.mission_id', '=', missionId)
      .groupBy('s.region')
      .execute(),
    ctx.db.selectFrom('mon_count_region').selectAll().where('mission_id', '=', missionId).execute(),
    ctx.db.selectFrom('mon_count_hour').selectAll().where('mission_id', '=', missionId).execute(),
    ctx.db
      .selectFrom('mon_count_answer')
      .select(['region', 'form_id', 'field', 'value', 'n', 'verified'])
      .where('mission_id', '=', missionId)
      .execute(),
    // Checklists received, and those from a site nobody is assigned to (a mobile team, a coordinator
    // on the spot, an observer moved elsewhere since): at most sites × checklists counter rows.
    receivedPairs(ctx.db, [missionId])
      .select(['s.region', (eb) => countedSum(eb).as('n'), (eb) => unstaffedCounted(eb).as('unstaffed')])
      .groupBy('s.region')
      .execute(),
    entriesCounted(ctx.db),
  ]);
  const checklists = forms.filter((f) => f.form_kind === 'checklist').length;
  const byRegion = new Map<string, Summary['byRegion'][number]>();
  const slot = (region: string) => {
    if (!byRegion.has(region)) byRegion.set(region, { region, expected: 0, received: 0, unstaffed: 0 });
    return byRegion.get(region)!;
  };
  // A coordinator expects checklists only where someone was sent: a site with no observer assigned
  // is counted apart (`unstaffed`, to staff it), not as a missing report that drags the rate down.
  // A checklist that came from such a site anyway is expected as well as received: otherwise
  // received could pass expected and coverage read 133 %.
  for (const s of only(sites)) {
    // Every checklist form at every planned visit (ADR 0037; one visit on election day).
    slot(s.region).expected += Number(s.visits) * checklists;
    slot(s.region).unstaffed += Number(s.n) - Number(s.staffed);
  }
  for (const r of only(received)) {
    slot(r.region).received += Number(r.n);
    slot(r.region).expected += Number(r.unstaffed);
  }
  let incidents = 0;
  let critical = 0;
  for (const r of only(regions)) {
    incidents += Number(verified ? r.verified_incidents : r.incidents);
    critical += Number(verified ? r.verified_critical : r.critical);
  }
  const overTime = new Map<string, { hour: string; n: number; critical: number }>();
  // Hours come from the observer's phone (an offline report keeps the time it was made), and a phone
  // whose clock was reset says 1970: one such report would stretch the chart over decades of empty
  // hours. Hours before the mission was set up or after now are counted apart, not charted.
  const [from, to] = chartWindow(mission, Date.now());
  let outside = 0;
  for (const h of only(hours)) {
    const n = Number(verified ? h.verified_incidents : h.incidents);
    if (h.hour.slice(0, 13) < from || h.hour.slice(0, 13) > to) {
      outside += n;
      continue;
    }
    // Counted by UTC hour as `YYYY-MM-DDTHH:00`; sent as an instant, since a browser reads a time
    // without an offset as the device's local time (in Bishkek that showed 08:00 for 14:00).
    const hour = `${h.hour}:00Z`;
    const o = overTime.get(hour) ?? { hour, n: 0, critical: 0 };
    o.n += n;
    o.critical += Number(verified ? h.verified_critical : h.critical);
    overTime.set(hour, o);
  }
  const versions = new Map<string, CachedVersion>();
  // Checklists' answers ("opened late") and incidents' ("what happened", "who did it"), checklists first.
  for (const f of [...forms].sort(
    (a, b) => Number(a.form_kind !== 'checklist') - Number(b.form_kind !== 'checklist'),
  )) {
    const v = await publishedVersion(ctx.db, f.form_version_id);
    if (v && !versions.has(f.form_id)) versions.set(f.form_id, v);
  }
  const sums = new Map<string, Map<string, number>>();
  for (const a of only(answers)) {
    const k = `${a.form_id}\u0000${a.field}`;
    const m = sums.get(k) ?? new Map<string, number>();
    m.set(a.value, (m.get(a.value) ?? 0) + Number(verified ? a.verified : a.n));
    sums.set(k, m);
  }
  const answerRows: Summary['answers'] = [];
  for (const [formId, v] of versions)
    for (const f of v.counted) {
      // A repeat group's entries once the older reports' have been counted (ADR 0038).
      if (f.parent && !entries) continue;
      const field = countedPath(f);
      const m = sums.get(`${formId}\u0000${field}`) ?? new Map<string, number>();
      const def = findField(v, f)?.options ?? [];
      const values: { value: string; label: L10n }[] =
        f.type === 'boolean'
          ? [
              { value: 'true', label: YES },
              { value: 'false', label: NO },
            ]
          : def.map((o) => ({ value: o.key, label: o.label }));
      // A repeat group's question counts entries, not reports: the group names them ("Interviews").
      const group = f.parent ? v.flat.find((g) => !g.parent && g.key === f.parent) : undefined;
      const inGroup = group && sums.get(`${formId}\u0000${groupPath(group.key)}`);
      answerRows.push({
        formId,
        kind: v.kind,
        field,
        label: f.label ?? { ky: f.key, ru: f.key, en: f.key },
        ...(group
          ? {
              group: {
                key: group.key,
                label: group.label ?? { ky: group.key, ru: group.key, en: group.key },
                entries: inGroup?.get('#') ?? 0,
                reports: inGroup?.get('*') ?? 0,
              },
            }
          : {}),
        total: m.get('*') ?? 0,
        counts: values.map((x) => ({ ...x, n: m.get(x.value) ?? 0 })),
      });
    }
  const byRegionRows = [...byRegion.values()].sort((a, b) => a.region.localeCompare(b.region));
  return {
    missionId,
    counts: verified ? 'verified' : 'received',
    expected: byRegionRows.reduce((s, r) => s + r.expected, 0),
    received: byRegionRows.reduce((s, r) => s + r.received, 0),
    unstaffed: byRegionRows.reduce((s, r) => s + r.unstaffed, 0),
    byRegion: byRegionRows,
    incidents: { total: incidents, critical },
    // An hour whose incidents were all rejected keeps its row at zero: it is not an hour with reports.
    overTime: [...overTime.values()].filter((h) => h.n > 0).sort((a, b) => a.hour.localeCompare(b.hour)),
    overTimeOutside: outside,
    answers: answerRows,
  };
}

const DAY_MS = 86_400_000;

/**
 * The hours (`YYYY-MM-DDTHH`, UTC, as counted) the chart shows: from two days before the mission was
 * made or starts (a clock a little behind, a report written before setting off) to an hour from now.
 */
export function chartWindow(
  mission: { created_at: string; starts_on: string | null } | undefined,
  now: number,
): [string, string] {
  const made = mission ? Date.parse(mission.created_at) : now;
  const starts = mission?.starts_on ? Date.parse(`${mission.starts_on}T00:00:00Z`) : made;
  const hour = (ms: number) => new Date(ms).toISOString().slice(0, 13);
  return [hour(Math.min(made, starts) - 2 * DAY_MS), hour(now + 3_600_000)];
}

/** A counted field's definition (its options), inside its repeat group for an entry's question. */
function findField(v: CachedVersion, f: FlatField) {
  for (const sec of v.definition.sections)
    for (const top of sec.fields) {
      if (!f.parent && top.key === f.key) return top;
      if (f.parent && top.key === f.parent) return top.fields?.find((c) => c.key === f.key);
    }
  return undefined;
}

/** The reviewers' dashboard: the summary, and the district map's figures (never published). */
export async function missionSummary(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  counts: 'received' | 'verified' = 'received',
) {
  const a = await loadMission(ctx, actor, id);
  requireReviewer(a);
  const [summary, districts, counted] = await Promise.all([
    // Verified only: what a public page counting verified reports would show, before it is published.
    buildSummary(ctx, id, a.scope, { verifiedOnly: counts === 'verified' }),
    districtFigures(ctx, id, a.scope),
    counts === 'verified' ? verifiedCounted(ctx.db) : true,
  ]);
  return { ...summary, ...districts, verifiedPending: !counted };
}

/** Per site: expected and received checklists (the map and the table of stations). */
export async function sitesStatus(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  region: string | undefined,
): Promise<z.infer<typeof S.SitesStatus>> {
  const a = await loadMission(ctx, actor, id);
  requireReviewer(a);
  let q = ctx.db
    .selectFrom('sites as s')
    .select(['s.id', 's.code', 's.name', 's.region', 's.district', 's.lat', 's.lon', 's.visits'])
    .select((eb) => receivedCount(eb).as('received'))
    .select((eb) => eb.case().when(hasObserver(eb)).then(1).else(0).end().as('staffed'))
    .where('s.mission_id', '=', id)
    .orderBy('s.code');
  if (a.scope.kind === 'regions') q = q.where('s.region', 'in', a.scope.regions);
  if (region) q = q.where('s.region', '=', region);
  const [rows, checklists] = await Promise.all([q.execute(), checklistCount(ctx.db, id)]);
  return {
    items: rows
      .filter((r) => regionInScope(a.scope, r.region))
      .map((r) => ({
        siteId: r.id,
        code: r.code,
        name: r.name,
        region: r.region,
        district: r.district,
        lat: r.lat,
        lon: r.lon,
        expected: expectedAt(checklists, r.visits, Number(r.staffed) > 0, Number(r.received)),
        received: Number(r.received),
      })),
  };
}
