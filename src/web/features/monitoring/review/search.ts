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
  /** Set by the sites tab's link only: start the site's list afresh (no kind, status or region), once. */
  arrive?: 1;
} {
  const q = search.queue;
  const erased = search.erased === 1 || search.erased === '1' ? { erased: 1 as const } : {};
  const site = uuid('site', search.site);
  const mission = site.site ? uuid('mission', search.mission) : {};
  const arrive = site.site && (search.arrive === 1 || search.arrive === '1') ? { arrive: 1 as const } : {};
  const rest = { ...erased, ...uuid('erasing', search.erasing), ...site, ...mission, ...arrive };
  return typeof q === 'string' && q !== 'all' && (REVIEW_TABS as readonly string[]).includes(q)
    ? { queue: q as Exclude<ReviewTab, 'all'>, ...rest }
    : rest;
}
const uuid = <K extends string>(k: K, v: unknown): { [P in K]?: string } =>
  (typeof v === 'string' && UUID.test(v) ? { [k]: v.toLowerCase() } : {}) as { [P in K]?: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
