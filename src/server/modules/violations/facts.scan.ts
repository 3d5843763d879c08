import {
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
  from: string | undefined;
  /** The upper date bound as the tables compare it (`YYYY-MM-99` closes a partial date). */
  to: string | undefined;
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
    from: f.from || undefined,
    to: f.to ? `${f.to}-99` : undefined,
  };
}

/** Does a start date pass the date filters (a missing date passes none)? */
export function dateOk(c: CodeFilter, date: string | null): boolean {
  if (c.from && !(date !== null && date >= c.from)) return false;
  if (c.to && !(date !== null && date <= c.to)) return false;
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
 * The events to visit: the shortest posting list among the active filters (but `omit`) and a text
 * search's events, or null for every slot. The walk still tests each event against every filter: a posting list holds candidates.
 */
export function candidatesOf(
  mem: FactsMemory,
  c: CodeFilter,
  omit: Omitted,
  ids: ReadonlySet<number> | undefined,
): readonly number[] | null {
  const wanted: [number, number | undefined][] = [
    [POST_REGION, omit === 'region' ? undefined : c.region],
    [POST_DISTRICT, c.district],
    [POST_STATUS, omit === 'status' ? undefined : c.status],
    [POST_ACT_TYPE, omit === 'actType' ? undefined : c.actType],
    [POST_PERPETRATOR_TYPE, c.perpetratorType],
    [POST_RELIABILITY, c.reliability],
  ];
  // A text search's events (at most a few hundred) are usually the shortest list of all.
  let best: readonly number[] | null = ids ? [...ids].sort((a, b) => a - b) : null;
  for (const [kind, code] of wanted) {
    if (code === undefined) continue;
    const list = code < 0 ? [] : mem.posting(kind, code);
    if (best === null || list.length < best.length) best = list;
  }
  return best;
}
