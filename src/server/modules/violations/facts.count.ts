import { districtsOf, REGION_CODES } from '../../../core/geo/regions.ts';
import type { StatsBy } from '../../../core/schemas/violation-stats.ts';
import { KIND_GROUP, KIND_INDIVIDUAL, type FactsMemory } from './facts.memory.ts';
import { toRows, type BreakdownSpec, type Headline, type Rows } from './stats.repo.ts';
import type { EventFilter } from './violations.repo.ts';

/**
 * Statistics counted over the facts in memory (ADR 0016), with the definitions of `stats.repo.ts`
 * (the live reference, compared in `test/integration/violation-facts.test.ts`):
 * - events: the visible events under the filters; an act-type or perpetrator-type filter keeps the
 *   events with such an act (or involvement), and then counts only the matching acts;
 * - victims and perpetrators: distinct records after merges; groups apart, with their sizes;
 * - places and periods in events come from the events themselves (`unknown` where missing).
 * Victims by sex, age group or vulnerability need the people records: the caller counts them live.
 */
const CITIES = new Set<string>(REGION_CODES.filter((r) => districtsOf(r).length === 0));

export const MEMORY_BY: readonly StatsBy[] = [
  'actType',
  'right',
  'perpetratorType',
  'region',
  'district',
  'period',
];

export interface MemoryScope {
  /** Restricted events this reader may see (slots). */
  restrictedVisible: ReadonlySet<number>;
  /** Text search results as slots; undefined when there is no text search. */
  ids?: ReadonlySet<number> | undefined;
}

/** Per breakdown: counts per code and, for units that count distinct things, the last one counted. */
class Tally {
  readonly n = new Map<string, number>();
  private readonly last = new Map<string, number>();
  private readonly sets = new Map<string, Set<number>>();
  constructor(readonly spec: BreakdownSpec) {}
  /** Count `code` once per `key` (an event slot, an act number); victims go through `victim`. */
  once(code: string, key: number): void {
    if (this.last.get(code) === key) return;
    this.last.set(code, key);
    this.n.set(code, (this.n.get(code) ?? 0) + 1);
  }
  victim(code: string, v: number): void {
    let s = this.sets.get(code);
    if (!s) this.sets.set(code, (s = new Set()));
    s.add(v);
  }
  /** One act under `code`, in this tally's unit (`v` counts only when the victim is an individual). */
  act(code: string, v: number, actNo: number, slot: number): void {
    if (this.spec.unit === 'victims') {
      if (v >= 0) this.victim(code, v);
    } else this.once(code, this.spec.unit === 'acts' ? actNo : slot);
  }
  rows(): Rows {
    if (this.spec.unit === 'victims') return toRows([...this.sets].map(([code, s]) => ({ code, n: s.size })));
    return toRows([...this.n].map(([code, n]) => ({ code, n })));
  }
}

/** The code of an event-level breakdown. A plain function: tsx names every closure made in a loop. */
function placeOf(s: BreakdownSpec, region: string, district: string, year: string, month: string): string {
  if (s.by === 'region') return region;
  if (s.by === 'district') return district;
  return s.period === 'month' ? month : year;
}

export function countInMemory(
  mem: FactsMemory,
  scope: MemoryScope,
  f: EventFilter,
  specs: readonly BreakdownSpec[],
): { head: Headline; by: Map<StatsBy, Rows> } {
  const code = (x: string | undefined) => (x === undefined ? undefined : mem.codes.peek(x));
  const fg = code(f.region);
  const fd = code(f.district);
  const fs = code(f.violationStatus);
  const fa = code(f.actType);
  const fp = f.perpetratorType === 'unknown' ? -2 : code(f.perpetratorType);
  const fr = code(f.reliability);
  const to = f.to ? `${f.to}-99` : undefined;
  const names = mem.codes.names;
  const tallies = specs.filter((s) => MEMORY_BY.includes(s.by)).map((s) => new Tally(s));
  const eventLevel = tallies.filter(
    (t) => t.spec.unit === 'events' && ['region', 'district', 'period'].includes(t.spec.by),
  );
  const actLevel = tallies.filter((t) => !eventLevel.includes(t));
  const rolled = new Map<number, string>();
  const typeCode = (t: number, level: number | undefined) => {
    if (!level) return names[t]!;
    const key = t * 16 + level;
    let r = rolled.get(key);
    if (r === undefined) rolled.set(key, (r = names[t]!.slice(0, 2 * level).padEnd(12, '0')));
    return r;
  };
  const victimSeen = new Uint8Array(mem.victims.names.length);
  const perpSeen = new Uint8Array(mem.perps.names.length);
  const head: Headline = {
    events: 0,
    acts: 0,
    victims: 0,
    perpetrators: 0,
    groupVictims: 0,
    groupVictimsSize: 0,
    groupVictimsWithoutSize: 0,
  };
  const acts: number[] = [];
  let actNo = 0;
  // Locals, not property reads in the loop; the loop runs once per event.
  const { alive, restricted, region: regionOf, district: districtOf, status: statusOf } = mem;
  const { date: dates, data, off, over } = mem;
  const hasOver = over.size > 0;
  const n = mem.size;
  for (let slot = 0; slot < n; slot++) {
    if (!alive[slot]) continue;
    if (restricted[slot] && !scope.restrictedVisible.has(slot)) continue;
    if (fg !== undefined && regionOf[slot] !== fg) continue;
    if (fd !== undefined && districtOf[slot] !== fd) continue;
    if (fs !== undefined && statusOf[slot] !== fs) continue;
    const date = dates[slot]!;
    if (f.from && !(date !== null && date >= f.from)) continue;
    if (to && !(date !== null && date <= to)) continue;
    if (scope.ids && !scope.ids.has(slot)) continue;
    const o = hasOver ? over.get(slot) : undefined;
    const d = o ?? data;
    let i = o ? 0 : off[slot]!;
    const nRel = d[i++]!;
    if (fr !== undefined) {
      let has = false;
      for (let k = 0; k < nRel; k++) if (d[i + k] === fr) has = true;
      if (!has) continue;
    }
    i += nRel;
    // The acts: where each starts, and whether the event has one of the filtered type / perpetrator.
    const nActs = d[i++]!;
    acts.length = 0;
    let hasType = fa === undefined;
    let hasPerp = fp === undefined;
    for (let a = 0; a < nActs; a++) {
      acts.push(i);
      if (d[i] === fa) hasType = true;
      const nP = d[i + 2]!;
      if (fp !== undefined) for (let k = 0; k < nP; k++) if (d[i + 3 + k] === fp) hasPerp = true;
      i += 3 + nP;
      i += 1 + d[i]!;
      i += 1 + d[i]!;
    }
    if (!hasType || !hasPerp) continue;
    head.events++;
    const g = regionOf[slot]!;
    const dist = districtOf[slot]!;
    const region = g < 0 ? 'unknown' : names[g]!;
    const district = dist >= 0 ? names[dist]! : CITIES.has(region) ? region : 'unknown';
    const year = date === null ? 'unknown' : date.slice(0, 4);
    const month = date === null ? 'unknown' : date.slice(0, 7);
    for (const t of eventLevel) t.once(placeOf(t.spec, region, district, year, month), slot);
    for (const at of acts) {
      const type = d[at]!;
      const v = d[at + 1]!;
      const nP = d[at + 2]!;
      const pAt = at + 3;
      if (fa !== undefined && type !== fa) continue;
      if (fp !== undefined) {
        let has = false;
        for (let k = 0; k < nP; k++) if (d[pAt + k] === fp) has = true;
        if (!has) continue;
      }
      const prAt = pAt + nP;
      const nPr = d[prAt]!;
      const rAt = prAt + 1 + nPr;
      const nR = d[rAt]!;
      actNo++;
      if (v >= 0) {
        head.acts++;
        if (!victimSeen[v]) {
          victimSeen[v] = 1;
          const kind = mem.victimKind[v];
          if (kind === KIND_INDIVIDUAL) head.victims++;
          else if (kind === KIND_GROUP) {
            head.groupVictims++;
            const size = mem.victimSize[v]!;
            if (size >= 0) head.groupVictimsSize += size;
            else head.groupVictimsWithoutSize++;
          }
        }
      }
      for (let k = 0; k < nPr; k++) {
        const p = d[prAt + 1 + k]!;
        if (!perpSeen[p]) {
          perpSeen[p] = 1;
          head.perpetrators++;
        }
      }
      const iv = v >= 0 && mem.victimKind[v] === KIND_INDIVIDUAL ? v : -1;
      for (const t of actLevel) {
        const s = t.spec;
        if (s.by === 'actType') t.act(typeCode(type, s.level), iv, actNo, slot);
        else if (s.by === 'right')
          for (let k = 0; k < nR; k++) t.act(names[d[rAt + 1 + k]!]!, iv, actNo, slot);
        else if (s.by === 'perpetratorType')
          for (let k = 0; k < nP; k++) t.act(names[d[pAt + k]!]!, iv, actNo, slot);
        else t.act(placeOf(s, region, district, year, month), iv, actNo, slot);
      }
    }
  }
  const by = new Map<StatsBy, Rows>();
  for (const t of tallies) by.set(t.spec.by, t.rows());
  return { head, by };
}
