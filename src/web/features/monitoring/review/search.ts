import type { Queue } from '../api';

/**
 * The review page's tabs, in order; `mine`: the reports given to me (review.assign.ts on the server).
 * Listed here rather than built from `api.ts`'s QUEUES so the router's main chunk does not pull in the
 * monitoring API client.
 */
export const REVIEW_TABS = [
  'all',
  'mine',
  'translate',
  'geolocate',
  'verify',
  'urgent',
  'critical',
] as const satisfies readonly ('all' | 'mine' | 'critical' | Queue)[];
export type ReviewTab = (typeof REVIEW_TABS)[number];

/**
 * Router `validateSearch` for /monitoring/review: `?queue=` names the open tab. The page reads its tab
 * from the address, so the bell's link to "Mine" opens it even while the page is already showing, and
 * back and forward move between queues. "all" is the bare address.
 */
export function reviewSearch(search: Record<string, unknown>): {
  queue?: Exclude<ReviewTab, 'all'>;
  /** Just after a report was erased from its page (submission/EraseCard.tsx): says so once. */
  erased?: 1;
  /** The reports a pending erase request names, for the administrator who decides on it. */
  erasing?: string;
  /** One site's reports (the sites tab's link), with the site's mission to set as the mission filter. */
  site?: string;
  mission?: string;
  /**
   * `outside`: incident reports whose phone gave a time outside the mission (the dashboard's "not on
   * the chart" link), in `mission`.
   */
  clock?: 'outside';
  /** Set by those links only: start the list afresh (no kind, status or region but theirs), once. */
  arrive?: 1;
} {
  const q = search.queue;
  const erased = search.erased === 1 || search.erased === '1' ? { erased: 1 as const } : {};
  const site = uuid('site', search.site);
  const clock = search.clock === 'outside' ? { clock: 'outside' as const } : {};
  const narrowed = !!site.site || !!clock.clock;
  const mission = narrowed ? uuid('mission', search.mission) : {};
  const arrive = narrowed && (search.arrive === 1 || search.arrive === '1') ? { arrive: 1 as const } : {};
  const rest = { ...erased, ...uuid('erasing', search.erasing), ...site, ...clock, ...mission, ...arrive };
  return typeof q === 'string' && q !== 'all' && (REVIEW_TABS as readonly string[]).includes(q)
    ? { queue: q as Exclude<ReviewTab, 'all'>, ...rest }
    : rest;
}

/** What a link narrowed the list to (a site, reports with a wrong clock), kept from tab to tab. */
export function narrowing(s: { site?: string; clock?: 'outside'; mission?: string }): {
  site?: string;
  clock?: 'outside';
  mission?: string;
} {
  if (!s.site && !s.clock) return {};
  return {
    ...(s.site ? { site: s.site } : {}),
    ...(s.clock ? { clock: s.clock } : {}),
    ...(s.mission ? { mission: s.mission } : {}),
  };
}
const uuid = <K extends string>(k: K, v: unknown): { [P in K]?: string } =>
  (typeof v === 'string' && UUID.test(v) ? { [k]: v.toLowerCase() } : {}) as { [P in K]?: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
