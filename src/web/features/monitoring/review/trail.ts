import { reviewSearch } from './search';

/** The review list a reviewer last looked at: its address (queue, site…) and the reports it showed. */
export interface Trail {
  search: Omit<ReturnType<typeof reviewSearch>, 'erased' | 'arrive'>;
  ids: string[];
}

const KEY = (userId: string) => `ukuk.reviewTrail.${userId}`;
const UUID = /^[0-9a-f-]{36}$/;

/**
 * Kept in sessionStorage (this browser tab only, ids and the list's address, nothing a report says), so
 * that a report opened from the list goes back to that same list and on to the next report in it.
 */
export function saveTrail(userId: string, trail: Trail): void {
  try {
    sessionStorage.setItem(KEY(userId), JSON.stringify(trail));
  } catch {
    // No storage (private mode): the report page then links to the bare list, with no "next".
  }
}

export function readTrail(userId: string | undefined): Trail | null {
  if (!userId) return null;
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY(userId)) ?? 'null') as Partial<Trail> | null;
    if (!v || typeof v.search !== 'object' || !Array.isArray(v.ids)) return null;
    // Checked again as the router checks an address; "just erased" is not carried back.
    const { erased: _erased, arrive: _arrive, ...search } = reviewSearch(v.search ?? {});
    return {
      search,
      ids: v.ids.filter((x) => typeof x === 'string' && UUID.test(x)),
    };
  } catch {
    return null;
  }
}

/** The report after `id` in the list it was opened from, if any. */
export function nextInTrail(trail: Trail | null, id: string): string | null {
  const i = trail ? trail.ids.indexOf(id) : -1;
  return i >= 0 && i + 1 < trail!.ids.length ? trail!.ids[i + 1]! : null;
}
