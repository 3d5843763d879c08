import type { MemoryScope } from './facts.count.ts';
import { andInto, bitsFor, clearBit, hasBit, setBit, slotsOf, type Words } from './facts.bits.ts';
import {
  dayNumber,
  POST_ACT_TYPE,
  POST_DISTRICT,
  POST_PERPETRATOR_TYPE,
  POST_REGION,
  POST_RELIABILITY,
  POST_STATUS,
  type FactsMemory,
} from './facts.memory.ts';
import type { EventFilter } from './violations.repo.ts';

/**
 * The filters of the event list resolved against the codes in memory, and the walk over one event's
 * packed acts, shared by the statistics (`facts.count.ts`) and the list (`facts.list.ts`). A code
 * never seen is −2: it matches nothing, as the same filter does in SQL.
 */
export interface CodeFilter {
  region: number | undefined;
  district: number | undefined;
  status: number | undefined;
  actType: number | undefined;
  perpetratorType: number | undefined;
  reliability: number | undefined;
  /** The date bounds as `dayNumber`s; the upper one closes a partial date (`2022-06` → 20220699). */
  from: number | undefined;
  to: number | undefined;
}

export function codeFilter(mem: FactsMemory, f: EventFilter): CodeFilter {
  const code = (x: string | undefined) => (x === undefined ? undefined : mem.codes.peek(x));
  return {
    region: code(f.region),
    district: code(f.district),
    status: code(f.violationStatus),
    actType: code(f.actType),
    // `unknown` stands for an involvement without a type in the facts; as a filter it matches none.
    perpetratorType: f.perpetratorType === 'unknown' ? -2 : code(f.perpetratorType),
    reliability: code(f.reliability),
    from: f.from ? dayNumber(f.from) : undefined,
    to: f.to ? dayNumber(f.to) + (f.to.length === 4 ? 9999 : f.to.length === 7 ? 99 : 0) : undefined,
  };
}

/** Does a start date (`dayNumber`) pass the date filters (a missing date, −1, passes none)? */
export function dateOk(c: CodeFilter, day: number): boolean {
  if (c.from !== undefined && !(day >= 0 && day >= c.from)) return false;
  if (c.to !== undefined && !(day >= 0 && day <= c.to)) return false;
  return true;
}

export const HAS_TYPE = 1;
export const HAS_PERP = 2;

/**
 * Walk the reliabilities and acts of an event from `i` (see the layout in `facts.memory.ts`): the
 * start of each act into `starts`, each distinct act type into `types` (when given). Answers −1 when
 * the reliability filter fails, else `HAS_TYPE | HAS_PERP` for the act filters the event passes (a
 * filter not set always passes).
 */
export function walkEvent(
  d: Int32Array,
  i: number,
  c: CodeFilter,
  starts: number[],
  types: number[] | null,
): number {
  const nRel = d[i++]!;
  if (c.reliability !== undefined) {
    let has = false;
    for (let k = 0; k < nRel; k++) if (d[i + k] === c.reliability) has = true;
    if (!has) return -1;
  }
  i += nRel;
  const nActs = d[i++]!;
  starts.length = 0;
  if (types) types.length = 0;
  let flags = (c.actType === undefined ? HAS_TYPE : 0) | (c.perpetratorType === undefined ? HAS_PERP : 0);
  for (let a = 0; a < nActs; a++) {
    starts.push(i);
    const t = d[i]!;
    if (t === c.actType) flags |= HAS_TYPE;
    if (types && !types.includes(t)) types.push(t);
    const nP = d[i + 2]!;
    if (c.perpetratorType !== undefined)
      for (let k = 0; k < nP; k++) if (d[i + 3 + k] === c.perpetratorType) flags |= HAS_PERP;
    i += 3 + nP;
    i += 1 + d[i]!;
    i += 1 + d[i]!;
  }
  return flags;
}

/** A filter the list's facets leave out in turn (each facet counts under every other filter). */
export type Omitted = 'region' | 'status' | 'actType' | null;

/**
 * The events a reader may see under the filters no facet leaves out: existing, not restricted unless
 * the reader is a member, in the text search's results, in the date range and the district. A fresh
 * set the caller may change.
 */
export function baseSet(mem: FactsMemory, c: CodeFilter, scope: MemoryScope): Words {
  const w = mem.live.slice();
  const closed = mem.closed;
  for (let i = 0; i < w.length; i++) w[i]! &= ~closed[i]!;
  for (const slot of scope.restrictedVisible) if (hasBit(mem.live, slot)) setBit(w, slot);
  if (scope.ids) {
    const ids = bitsFor(w.length * 32);
    for (const slot of scope.ids) setBit(ids, slot);
    andInto(w, ids);
  }
  if (c.district !== undefined) andWith(w, mem, POST_DISTRICT, c.district);
  if (c.from !== undefined || c.to !== undefined) {
    const day = mem.day;
    for (let i = 0; i < w.length; i++) {
      let x = w[i]!;
      while (x) {
        const low = x & -x;
        const slot = i * 32 + 31 - Math.clz32(low);
        if (!dateOk(c, day[slot]!)) clearBit(w, slot);
        x ^= low;
      }
    }
  }
  return w;
}

/** `w &= the set of (kind, code)`; a code no event has empties `w`. */
export function andWith(w: Words, mem: FactsMemory, kind: number, code: number): void {
  const bits = code < 0 ? undefined : mem.bits(kind, code);
  if (bits) andInto(w, bits);
  else w.fill(0);
}

/** `base` narrowed by every active code filter but `omit` (a fresh set). */
export function narrowed(mem: FactsMemory, base: Words, c: CodeFilter, omit: Omitted): Words {
  const w = base.slice();
  if (omit !== 'region' && c.region !== undefined) andWith(w, mem, POST_REGION, c.region);
  if (omit !== 'status' && c.status !== undefined) andWith(w, mem, POST_STATUS, c.status);
  if (omit !== 'actType' && c.actType !== undefined) andWith(w, mem, POST_ACT_TYPE, c.actType);
  if (c.perpetratorType !== undefined) andWith(w, mem, POST_PERPETRATOR_TYPE, c.perpetratorType);
  if (c.reliability !== undefined) andWith(w, mem, POST_RELIABILITY, c.reliability);
  return w;
}

/** The slots of the events a reader may see under every filter, ascending. */
export function matchingSlots(mem: FactsMemory, c: CodeFilter, scope: MemoryScope): Int32Array {
  return slotsOf(narrowed(mem, baseSet(mem, c, scope), c, null));
}
