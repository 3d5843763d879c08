import type { z } from 'zod';
import { isDistrictId, isDistrictOf, isRegionCode } from '../../../core/geo/regions.ts';
import type { Locale } from '../../../core/roles.ts';
import {
  STATS_BY,
  VICTIM_ONLY_BY,
  type StatsBy,
  type StatsFilters,
  type StatsQuery,
  type StatsUnit,
  type ViolationStatsT,
} from '../../../core/schemas/violation-stats.ts';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { auditNow, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { tr } from '../../platform/i18n.ts';
import { breakdown, headline, type BreakdownSpec, type Scope } from './stats.repo.ts';
import type { EventFilter } from './violations.repo.ts';
import { statsFromFacts } from './stats.facts.ts';
import { searchEventIds } from './violations.search.ts';

/**
 * Statistics of violation records (issue #4 item 5; ADR 0009). The figures count only the events the
 * actor may see (`includesRestricted: false`): a count over restricted events, narrowed by filters
 * down to one event, would tell an outsider that the event exists and what happened in it. The date
 * filter and the period breakdown use the event's start date, as the event list does.
 */
type Query = z.infer<typeof StatsQuery>;
type Filters = z.infer<typeof StatsFilters>;

/** `searchEventIds` answers at most this many events. */
const SEARCH_CAP = 100;

/** What each breakdown counts unless `unit` asks otherwise. */
const DEFAULT_UNIT: Record<StatsBy, StatsUnit> = {
  actType: 'acts',
  right: 'acts',
  perpetratorType: 'acts',
  region: 'events',
  district: 'events',
  period: 'events',
  sex: 'victims',
  ageGroup: 'victims',
  vulnerability: 'victims',
};

/** One record can fall under several rows of these (in that unit): their rows may add up to more. */
function overlapping(by: StatsBy, unit: StatsUnit): boolean {
  if (by === 'right' || by === 'perpetratorType' || by === 'vulnerability') return true;
  if (by === 'actType') return unit !== 'acts';
  if (by === 'region' || by === 'district' || by === 'period') return unit === 'victims';
  return false;
}

export function specsOf(q: {
  by?: readonly StatsBy[];
  unit?: StatsUnit;
  level?: number;
  period?: 'year' | 'month';
}) {
  return [...new Set(q.by ?? [])].map((by): BreakdownSpec => ({
    by,
    unit: VICTIM_ONLY_BY.includes(by) ? 'victims' : (q.unit ?? DEFAULT_UNIT[by]),
    level: by === 'actType' ? q.level : undefined,
    period: by === 'period' ? q.period : undefined,
  }));
}

/** The list screen's filters, with the text search resolved to event ids exactly as the list does. */
export async function eventFilterOf(ctx: AppContext, actor: Actor, q: Filters): Promise<EventFilter> {
  // A well-formed but unknown place would count nothing, silently: refuse it instead.
  if (q.region && !isRegionCode(q.region))
    throw new AppError('geo.unknown_region', { fields: [{ path: 'region', code: 'invalid_value' }] });
  if (q.district && !(q.region ? isDistrictOf(q.region, q.district) : isDistrictId(q.district)))
    throw new AppError('geo.unknown_region', { fields: [{ path: 'district', code: 'invalid_value' }] });
  const text = q.q?.trim();
  return {
    region: q.region,
    district: q.district,
    actType: q.actType,
    violationStatus: q.violationStatus,
    perpetratorType: q.perpetratorType,
    reliability: q.reliability,
    from: q.from,
    to: q.to,
    mine: q.mine === '1',
    ids: text ? await searchEventIds(ctx, text, actor) : undefined,
    numberPrefix: text && /^EV-\d/i.test(text) ? text.toUpperCase() : undefined,
  };
}

export function unitDefinitions(locale: Locale): ViolationStatsT['units'] {
  const d = (k: string) => tr(locale, `errors:violation_stats.unit.${k}`);
  return {
    events: d('events'),
    acts: d('acts'),
    victims: d('victims'),
    perpetrators: d('perpetrators'),
    groupVictims: d('groupVictims'),
  };
}

/** Headline figures and breakdowns over a scope (the actor's view, or every event for publications). */
export async function computeStats(
  ctx: AppContext,
  scope: Scope,
  f: EventFilter,
  specs: BreakdownSpec[],
  locale: Locale,
): Promise<ViolationStatsT> {
  // The actor's view reads the derived tables (ADR 0011); `live` (the reference), publications and
  // exports read the live tables.
  const facts = 'actor' in scope && !scope.live ? await statsFromFacts(ctx.db, scope.actor, f, specs) : null;
  const head = facts ? facts.head : await headline(ctx.db, scope, f);
  const by: ViolationStatsT['by'] = {};
  for (const s of specs)
    by[s.by] = {
      unit: s.unit,
      overlapping: overlapping(s.by, s.unit),
      rows: facts ? (facts.by.get(s.by) ?? []) : await breakdown(ctx.db, scope, f, s),
    };
  return {
    ...head,
    includesRestricted: 'all' in scope,
    searchCapped: (f.ids?.length ?? 0) >= SEARCH_CAP,
    dateBasis: 'event_start',
    units: unitDefinitions(locale),
    by,
  };
}

/** `GET /api/violations/stats`: the actor's view; audited with the filter names only. */
export async function getViolationStats(
  ctx: AppContext,
  actor: Actor | null,
  q: Query,
  locale: Locale,
): Promise<ViolationStatsT> {
  requireCap(actor, 'violations.read');
  const { by, unit, level, period, ...filters } = q;
  const byList = (by?.split(',') ?? []).filter((b): b is StatsBy =>
    (STATS_BY as readonly string[]).includes(b),
  );
  const f = await eventFilterOf(ctx, actor, filters);
  const stats = await computeStats(ctx, { actor }, f, specsOf({ by: byList, unit, level, period }), locale);
  await auditNow(ctx, {
    actorId: actor.userId,
    action: 'violation.stats_read',
    entityType: 'vio_stats',
    details: { by: byList.join(','), filters: filterNames(filters) },
  });
  return stats;
}

/** The names of the filters in use (never their values: a text query may hold a name). */
export function filterNames(filters: Record<string, unknown>): string {
  return Object.entries(filters)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k]) => k)
    .sort()
    .join(',');
}
