import type { FacetCounts } from './violations.facets.ts';
import type { FactsMemory } from './facts.memory.ts';
import type { MemoryScope } from './facts.count.ts';
import {
  candidatesOf,
  codeFilter,
  dateOk,
  HAS_PERP,
  HAS_TYPE,
  walkEvent,
  type Omitted,
} from './facts.scan.ts';
import type { EventFilter } from './violations.repo.ts';

/**
 * The event list from the facts in memory (ADR 0016), in walks over the events the rarest filter's
 * posting list names:
 * - the page: the ids of the matching events, newest id first (the order of `violationsRepo.page`),
 *   kept as the best `offset + limit` seen so far, so no sort of every match;
 * - the facets, each under every other active filter: the total, regions without the region
 *   filter, statuses without the status filter, act types without the act-type filter. Every walk
 *   tests its events against all the filters; a facet counts an event when every other one passes.
 */
export interface MemoryList extends FacetCounts {
  ids: string[];
}

const BIT_REGION = 1;
const BIT_STATUS = 2;
const BIT_TYPE = 4;
const BIT_OTHER = 8;
const ALL_BITS = 15;

/** Insert `id` into `top` (descending, at most `k`). */
function keep(top: string[], id: string, k: number): void {
  if (top.length === k && id <= top[k - 1]!) return;
  let i = top.length;
  while (i > 0 && top[i - 1]! < id) i--;
  top.splice(i, 0, id);
  if (top.length > k) top.pop();
}

export function listInMemory(
  mem: FactsMemory,
  scope: MemoryScope,
  f: EventFilter,
  offset: number,
  limit: number,
): MemoryList {
  const c = codeFilter(mem, f);
  // Counts per code id: codes are a few thousand at most, so arrays beat maps.
  const regions = new Int32Array(mem.codes.names.length);
  const statuses = new Int32Array(mem.codes.names.length);
  const types = new Int32Array(mem.codes.names.length);
  const top: string[] = [];
  const k = offset + limit;
  const seen: number[] = [];
  const starts: number[] = [];
  let total = 0;
  // Locals, not property reads in the loop; the loop runs once per event.
  const { alive, restricted, region, district, status, date: dates, data, off, over } = mem;
  const hasOver = over.size > 0;
  const n = mem.size;
  /**
   * One walk over the candidates of the filters but `omit`. The walk without omission counts the
   * total, the page, and the facets whose filter is not set; each set faceted filter gets a walk of
   * its own, driven by the rarest of the others.
   */
  function pass(omit: Omitted): void {
    const cand = candidatesOf(mem, c, omit, scope.ids);
    const m = cand ? cand.length : n;
    const main = omit === null;
    const countRegions = main ? c.region === undefined : omit === 'region';
    const countStatuses = main ? c.status === undefined : omit === 'status';
    const countTypes = main ? c.actType === undefined : omit === 'actType';
    // Newest slots first: bulk-loaded slots are in id order, so the page fills at once and most later
    // matches are turned away by one comparison.
    for (let q = m - 1; q >= 0; q--) {
      const slot = cand ? cand[q]! : q;
      if (!alive[slot]) continue;
      if (restricted[slot] && !scope.restrictedVisible.has(slot)) continue;
      if (scope.ids && !scope.ids.has(slot)) continue;
      // The filters that no facet leaves out.
      if (!dateOk(c, dates[slot]!)) continue;
      if (c.district !== undefined && district[slot] !== c.district) continue;
      const o = hasOver ? over.get(slot) : undefined;
      const flags = walkEvent(o ?? data, o ? 0 : off[slot]!, c, starts, seen);
      if (flags < 0 || !(flags & HAS_PERP)) continue;
      const g = region[slot]!;
      const s = status[slot]!;
      let bits = BIT_OTHER;
      if (c.region === undefined || g === c.region) bits |= BIT_REGION;
      if (c.status === undefined || s === c.status) bits |= BIT_STATUS;
      if (flags & HAS_TYPE) bits |= BIT_TYPE;
      if (main && bits === ALL_BITS) {
        total++;
        keep(top, mem.ids[slot]!, k);
      }
      if (countRegions && (bits | BIT_REGION) === ALL_BITS && g >= 0) regions[g]!++;
      if (countStatuses && (bits | BIT_STATUS) === ALL_BITS && s >= 0) statuses[s]!++;
      if (countTypes && (bits | BIT_TYPE) === ALL_BITS) for (const t of seen) types[t]!++;
    }
  }
  pass(null);
  if (c.region !== undefined) pass('region');
  if (c.status !== undefined) pass('status');
  if (c.actType !== undefined) pass('actType');
  const names = mem.codes.names;
  const sorted = (m: Int32Array) =>
    [...m.entries()]
      .filter(([, count]) => count > 0)
      .map(([c, count]) => ({ code: names[c]!, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
      .slice(0, 100);
  return {
    ids: top.slice(offset),
    total,
    region: sorted(regions),
    violationStatus: sorted(statuses),
    actType: sorted(types),
  };
}
