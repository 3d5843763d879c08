import { isRegionCode } from '../../../core/geo/regions';
import { CASE_PERSON_ROLES, VULNERABILITIES, type PeopleFilters } from './api';

/** The people list's search and filters live in the URL, so a filtered view survives a reload. */
export interface PeopleSearch extends PeopleFilters {
  page?: number;
}

function oneOf<T extends string>(list: readonly T[], v: unknown): T | undefined {
  return typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** Keeps only known filter values; anything else in the address is dropped. */
export function peopleSearchSchema(search: Record<string, unknown>): PeopleSearch {
  const out: PeopleSearch = {};
  if (typeof search.q === 'string' && search.q.trim()) {
    out.q = search.q.trim().slice(0, 200);
  }
  if (isRegionCode(search.region)) {
    out.region = search.region;
  }
  const vulnerability = oneOf(VULNERABILITIES, search.vulnerability);
  if (vulnerability) {
    out.vulnerability = vulnerability;
  }
  const role = oneOf(CASE_PERSON_ROLES, search.role);
  if (role) {
    out.role = role;
  }
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1 && page <= 10_000) {
    out.page = page;
  }
  return out;
}
