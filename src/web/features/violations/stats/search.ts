import { eventSearchSchema, type EventSearch } from '../search';

/** What the figures count. Always printed next to a number: "42 acts", "by victims". */
export const UNITS = ['events', 'acts', 'victims'] as const;
export type Unit = (typeof UNITS)[number];

/** The event list's filters (same names, same checks) without search text, "mine" or paging. */
export type StatsFilters = Omit<EventSearch, 'q' | 'mine' | 'page'>;
export type StatsSearch = StatsFilters & {
  unit?: Unit;
  /** Act types rolled up to this level of the HURIDOCS hierarchy (none = as recorded). */
  level?: number;
  /** Period breakdown by month instead of by year. */
  period?: 'month';
};
export const STATS_FILTER_KEYS = [
  'region',
  'district',
  'actType',
  'violationStatus',
  'perpetratorType',
  'reliability',
  'from',
  'to',
] as const satisfies readonly (keyof StatsFilters)[];
export type StatsFilterKey = (typeof STATS_FILTER_KEYS)[number];

/** Router `validateSearch` for /violations/stats: the list's checks, plus a known unit. */
export function statsSearchSchema(search: Record<string, unknown>): StatsSearch {
  const filters = statsFiltersOf(eventSearchSchema(search));
  const unit = UNITS.find((u) => u === search.unit);
  const level = Number(search.level);
  return {
    ...filters,
    ...(unit && unit !== 'events' ? { unit } : {}),
    ...(Number.isInteger(level) && level >= 1 && level <= 6 ? { level } : {}),
    ...(search.period === 'month' ? { period: 'month' as const } : {}),
  };
}

/** The filters only, for API calls and exports. */
export function statsFiltersOf(search: StatsSearch): StatsFilters {
  const out: StatsFilters = {};
  for (const k of STATS_FILTER_KEYS) if (search[k] !== undefined) out[k] = search[k];
  return out;
}
