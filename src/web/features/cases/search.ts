import type { CasesQuery } from './api';
import { CASE_STAGES, CASE_STATUSES } from './codes';

/**
 * The case list's filters live in the URL, so a filtered list is a link a colleague can open (they
 * still see only the cases they may see). Unknown or malformed values are dropped.
 */
export interface CaseSearch {
  type?: string;
  status?: (typeof CASE_STATUSES)[number];
  region?: string;
  lawyer?: string;
  stage?: (typeof CASE_STAGES)[number];
  mine?: '1';
  page?: number;
}

export const FILTER_KEYS = ['type', 'status', 'region', 'lawyer', 'stage', 'mine'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const CODE = /^[a-z0-9_.]{1,60}$/;
const REGION = /^KG-[A-Z]{1,2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function str(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function oneOf<T extends string>(list: readonly T[], v: string | undefined): T | undefined {
  return list.find((x) => x === v);
}

/** Router `validateSearch` for /cases. */
export function caseSearchSchema(search: Record<string, unknown>): CaseSearch {
  const out: CaseSearch = {};
  const type = str(search.type);
  if (type && CODE.test(type)) out.type = type;
  const status = oneOf(CASE_STATUSES, str(search.status));
  if (status) out.status = status;
  const region = str(search.region);
  if (region && REGION.test(region)) out.region = region;
  const lawyer = str(search.lawyer);
  if (lawyer && UUID.test(lawyer)) out.lawyer = lawyer;
  const stage = oneOf(CASE_STAGES, str(search.stage));
  if (stage) out.stage = stage;
  if (str(search.mine) === '1') out.mine = '1';
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1 && page <= 10_000) out.page = page;
  return out;
}

/** The filters only (no page): what a saved view stores. */
export function filtersOf(search: CaseSearch): CaseSearch {
  const out: CaseSearch = {};
  for (const k of FILTER_KEYS) {
    if (search[k] !== undefined) Object.assign(out, { [k]: search[k] });
  }
  return out;
}

/** The API query for the URL's search. */
export function toQuery(search: CaseSearch): CasesQuery {
  return { ...filtersOf(search), ...(search.page ? { page: search.page } : {}) };
}

/** Two filter sets are the same view when they hold the same values. */
export function sameFilters(a: CaseSearch, b: CaseSearch): boolean {
  return FILTER_KEYS.every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

export interface SavedView {
  name: string;
  filters: CaseSearch;
}

const storageKey = (userId: string) => `ukuk.caseViews.${userId}`;

/**
 * Saved views are preferences (filter codes and ids, never case content), kept on this device per
 * user so two people sharing a computer do not see each other's views.
 */
export function loadViews(userId: string): SavedView[] {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((v: unknown) => {
      if (typeof v !== 'object' || v === null) return [];
      const { name, filters } = v as { name?: unknown; filters?: unknown };
      if (typeof name !== 'string' || !name.trim() || typeof filters !== 'object' || filters === null)
        return [];
      return [{ name, filters: filtersOf(caseSearchSchema(filters as Record<string, unknown>)) }];
    });
  } catch {
    return [];
  }
}

/** Stores the views; a view with the same name is replaced. Storage may be unavailable (private mode). */
export function storeViews(userId: string, views: SavedView[]): void {
  try {
    localStorage.setItem(storageKey(userId), JSON.stringify(views));
  } catch {
    // The views then last for this page view only.
  }
}
