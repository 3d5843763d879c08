import type { EventsQuery } from './api';
import { PARTIAL_DATE } from './dates';

/**
 * The event list's filters live in the URL (a filtered list is a link a colleague can open; they
 * still see only the events they may see). Unknown or malformed values are dropped. The search text
 * is in the URL too, as on the cases list: it is what the user typed, never record content.
 */
export interface EventSearch {
  q?: string;
  region?: string;
  district?: string;
  actType?: string;
  violationStatus?: string;
  perpetratorType?: string;
  reliability?: string;
  from?: string;
  to?: string;
  mine?: '1';
  page?: number;
}

export const FILTER_KEYS = [
  'q',
  'region',
  'district',
  'actType',
  'violationStatus',
  'perpetratorType',
  'reliability',
  'from',
  'to',
  'mine',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const CODE = /^[a-z0-9_.]{1,60}$/;
const REGION = /^KG-[A-Z]{1,2}$/;
const DISTRICT = /^\d{1,20}$/;

function str(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

const CHECKS: Record<Exclude<FilterKey, 'mine' | 'q'>, RegExp> = {
  region: REGION,
  district: DISTRICT,
  actType: CODE,
  violationStatus: CODE,
  perpetratorType: CODE,
  reliability: CODE,
  from: PARTIAL_DATE,
  to: PARTIAL_DATE,
};

/** Router `validateSearch` for /violations. */
export function eventSearchSchema(search: Record<string, unknown>): EventSearch {
  const out: EventSearch = {};
  const q = str(search.q);
  if (q) out.q = q.slice(0, 200);
  for (const [k, re] of Object.entries(CHECKS) as [keyof typeof CHECKS, RegExp][]) {
    const v = str(search[k]);
    if (v && re.test(v)) out[k] = v;
  }
  if (out.district && !out.region) delete out.district;
  if (str(search.mine) === '1') out.mine = '1';
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1 && page <= 10_000) out.page = page;
  return out;
}

/** The filters only (no page). */
export function filtersOf(search: EventSearch): EventSearch {
  const out: EventSearch = {};
  for (const k of FILTER_KEYS) {
    if (search[k] !== undefined) Object.assign(out, { [k]: search[k] });
  }
  return out;
}

/** The API query for the URL's search. */
export function toQuery(search: EventSearch): EventsQuery {
  return { ...filtersOf(search), ...(search.page ? { page: search.page } : {}) };
}

/** The sections of an event page, in the order a documenter works through them. */
export const EVENT_TABS = [
  'overview',
  'acts',
  'people',
  'sources',
  'interventions',
  'chain',
  'evidence',
  'members',
] as const;
export type EventTab = (typeof EVENT_TABS)[number];

/** Router `validateSearch` for /violations/$id: only a known tab survives. */
export function eventTabSearch(search: Record<string, unknown>): { tab?: EventTab } {
  const tab = EVENT_TABS.find((k) => k === search.tab);
  return tab && tab !== 'overview' ? { tab } : {};
}
