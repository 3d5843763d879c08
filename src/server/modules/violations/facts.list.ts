import type { FacetCounts } from './violations.facets.ts';
import { countAnd, countBits, hasBit, nonEmptyWords, type Words } from './facts.bits.ts';
import { POST_ACT_TYPE, POST_REGION, POST_STATUS, type FactsMemory } from './facts.memory.ts';
import type { MemoryScope } from './facts.count.ts';
import { baseSet, codeFilter, narrowed, type Omitted } from './facts.scan.ts';
import type { EventFilter } from './violations.repo.ts';

/**
 * The event list from the facts in memory (ADR 0016), from the bit sets of `facts.scan.ts`, with no
 * walk over the events' acts:
 * - the events under every filter are the AND of the filters' sets: their count is the total, and the
 *   page is their newest ids (the order of `violationsRepo.page`), kept as the best `offset + limit`
 *   seen, so no sort of every match;
 * - each facet counts under every other active filter (regions without the region filter, statuses
 *   without the status filter, act types without the act-type filter): one AND without that filter,
 *   then per code of the facet the bits it shares with that code's set.
 */
export interface MemoryList extends FacetCounts {
  ids: string[];
}

/** Insert `id` into `top` (descending, at most `k`). */
function keep(top: string[], id: string, k: number): void {
  if (top.length === k && id <= top[k - 1]!) return;
  let i = top.length;
  while (i > 0 && top[i - 1]! < id) i--;
  top.splice(i, 0, id);
  if (top.length > k) top.pop();
}

/**
 * The ids of the newest `k` events of `w`, newest first. Slots that are not stragglers rise with their
 * ids (`FactsMemory.stragglers`): from the top down, the first id at or below the k-th best ends the
 * walk, so a page costs about `k` steps, not one per matching event.
 */
function newest(mem: FactsMemory, w: Words, k: number): string[] {
  const top: string[] = [];
  if (k <= 0) return top;
  const { ids, stragglers } = mem;
  let late: Set<number> | undefined;
  if (stragglers.length) {
    late = new Set(stragglers);
    for (const slot of stragglers) if (hasBit(w, slot)) keep(top, ids[slot]!, k);
  }
  for (let i = w.length - 1; i >= 0; i--) {
    let x = w[i]!;
    while (x) {
      const bit = 31 - Math.clz32(x);
      x ^= 1 << bit;
      const slot = i * 32 + bit;
      if (late?.has(slot)) continue;
      const id = ids[slot]!;
      if (top.length === k && id <= top[k - 1]!) return top;
      keep(top, id, k);
    }
  }
  return top;
}

/** Per code of a kind, the events of `w` that have it, most first (at most 100). */
function facet(mem: FactsMemory, w: Words, kind: number): { code: string; count: number }[] {
  const words = nonEmptyWords(w);
  const names = mem.codes.names;
  const out: { code: string; count: number }[] = [];
  for (const [code, bits] of mem.codesOf(kind)) {
    // Visit the fewer words: those of `w` or those of the code.
    const own = mem.span(bits);
    const count = countAnd(w, bits, own.length < words.length ? own : words);
    if (count > 0) out.push({ code: names[code]!, count });
  }
  return out.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)).slice(0, 100);
}

export function listInMemory(
  mem: FactsMemory,
  scope: MemoryScope,
  f: EventFilter,
  offset: number,
  limit: number,
): MemoryList {
  const c = codeFilter(mem, f);
  const base = baseSet(mem, c, scope);
  const all = narrowed(mem, base, c, null);
  const under = (omit: Omitted, set: number | undefined) =>
    set === undefined ? all : narrowed(mem, base, c, omit);
  return {
    ids: newest(mem, all, offset + limit).slice(offset),
    total: countBits(all),
    region: facet(mem, under('region', c.region), POST_REGION),
    violationStatus: facet(mem, under('status', c.status), POST_STATUS),
    actType: facet(mem, under('actType', c.actType), POST_ACT_TYPE),
  };
}
