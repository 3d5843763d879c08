import { districtsOf, REGION_CODES } from '../../../core/geo/regions.ts';
import { STATS_BY, VICTIM_ONLY_BY, type StatsBy } from '../../../core/schemas/violation-stats.ts';
import { Dict, KIND_GROUP, KIND_INDIVIDUAL, type FactsMemory } from './facts.memory.ts';
import { codeFilter, HAS_PERP, HAS_TYPE, matchingSlots, walkEvent } from './facts.scan.ts';
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

export const MEMORY_BY: readonly StatsBy[] = STATS_BY.filter((b) => !VICTIM_ONLY_BY.includes(b));

export interface MemoryScope {
  /** Restricted events this reader may see (slots). */
  restrictedVisible: ReadonlySet<number>;
  /** Text search results as slots; undefined when there is no text search. */
  ids?: ReadonlySet<number> | undefined;
}

/**
 * Per breakdown: counts per code id and, for units that count distinct things, the last key counted.
 * Ids below `mem.codes` size are codes in memory; above, names made while counting (`unknown`, a
 * period, an act type rolled up to a level). Arrays, not maps of strings: this runs once per act.
 */
class Tally {
  private readonly n: number[] = [];
  private readonly last: number[] = [];
  private readonly sets = new Map<number, Set<number>>();
  readonly unit: 'events' | 'acts' | 'victims';
  constructor(readonly spec: BreakdownSpec) {
    this.unit = spec.unit;
  }
  /** Count `id` once per `key` (an event slot, an act number). */
  once(id: number, key: number): void {
    if (this.last[id] === key) return;
    this.last[id] = key;
    this.n[id] = (this.n[id] ?? 0) + 1;
  }
  /** One act under `id`, in this tally's unit (`v`: the victim if an individual, else −1). */
  act(id: number, v: number, actNo: number, slot: number): void {
    if (this.unit === 'victims') {
      if (v < 0) return;
      let s = this.sets.get(id);
      if (!s) this.sets.set(id, (s = new Set()));
      s.add(v);
    } else this.once(id, this.unit === 'acts' ? actNo : slot);
  }
  rows(name: (id: number) => string): Rows {
    if (this.unit === 'victims')
      return toRows([...this.sets].map(([id, s]) => ({ code: name(id), n: s.size })));
    const out: { code: string; n: number }[] = [];
    this.n.forEach((n, id) => out.push({ code: name(id), n }));
    return toRows(out);
  }
}

/** The id of an event-level breakdown's row. A plain function: tsx names every closure made in a loop. */
function placeOf(s: BreakdownSpec, region: number, district: number, year: number, month: number): number {
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
  const c = codeFilter(mem, f);
  const names = mem.codes.names;
  const tallies = specs.filter((s) => MEMORY_BY.includes(s.by)).map((s) => new Tally(s));
  const eventLevel = tallies.filter(
    (t) => t.spec.unit === 'events' && ['region', 'district', 'period'].includes(t.spec.by),
  );
  const actLevel = tallies.filter((t) => !eventLevel.includes(t));
  const periodsUsed = tallies.some((t) => t.spec.by === 'period');
  // Names made while counting get ids after the codes in memory.
  const base = names.length;
  const made = new Dict();
  const madeId = (x: string) => base + made.id(x);
  const name = (id: number) => (id < base ? names[id]! : made.names[id - base]!);
  const UNKNOWN = madeId('unknown');
  const cities = new Set([...CITIES].map((x) => mem.codes.peek(x)));
  const rolled: number[] = [];
  const periods = new Map<string, number>();
  const periodId = (p: string) => {
    let id = periods.get(p);
    if (id === undefined) periods.set(p, (id = madeId(p)));
    return id;
  };
  const victimSeen = new Uint8Array(mem.victims.names.length);
  const { victimKind, victimSize } = mem;
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
  const { region: regionOf, district: districtOf } = mem;
  const { date: dates, data, off, over } = mem;
  const hasOver = over.size > 0;
  // Exactly the events under the filters (bit sets, `facts.scan.ts`); the walk below finds their acts.
  const cand = matchingSlots(mem, c, scope);
  for (let k = 0; k < cand.length; k++) {
    const slot = cand[k]!;
    const date = dates[slot]!;
    const o = hasOver ? over.get(slot) : undefined;
    const d = o ?? data;
    if (walkEvent(d, o ? 0 : off[slot]!, c, acts, null) !== (HAS_TYPE | HAS_PERP)) continue;
    head.events++;
    const g = regionOf[slot]!;
    const dist = districtOf[slot]!;
    const region = g < 0 ? UNKNOWN : g;
    const district = dist >= 0 ? dist : cities.has(g) ? g : UNKNOWN;
    const year = !periodsUsed ? UNKNOWN : date === null ? UNKNOWN : periodId(date.slice(0, 4));
    const month = !periodsUsed ? UNKNOWN : date === null ? UNKNOWN : periodId(date.slice(0, 7));
    for (const t of eventLevel) t.once(placeOf(t.spec, region, district, year, month), slot);
    for (const at of acts) {
      const type = d[at]!;
      const v = d[at + 1]!;
      const nP = d[at + 2]!;
      const pAt = at + 3;
      if (c.actType !== undefined && type !== c.actType) continue;
      if (c.perpetratorType !== undefined) {
        let has = false;
        for (let k = 0; k < nP; k++) if (d[pAt + k] === c.perpetratorType) has = true;
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
          const kind = victimKind[v];
          if (kind === KIND_INDIVIDUAL) head.victims++;
          else if (kind === KIND_GROUP) {
            head.groupVictims++;
            const size = victimSize[v]!;
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
      const iv = v >= 0 && victimKind[v] === KIND_INDIVIDUAL ? v : -1;
      for (const t of actLevel) {
        const s = t.spec;
        if (s.by === 'actType') {
          let id = type;
          if (s.level) {
            id = rolled[type * 8 + s.level] ?? -1;
            if (id < 0) {
              id = madeId(names[type]!.slice(0, 2 * s.level).padEnd(12, '0'));
              rolled[type * 8 + s.level] = id;
            }
          }
          t.act(id, iv, actNo, slot);
        } else if (s.by === 'right') for (let k = 0; k < nR; k++) t.act(d[rAt + 1 + k]!, iv, actNo, slot);
        else if (s.by === 'perpetratorType') for (let k = 0; k < nP; k++) t.act(d[pAt + k]!, iv, actNo, slot);
        else t.act(placeOf(s, region, district, year, month), iv, actNo, slot);
      }
    }
  }
  const by = new Map<StatsBy, Rows>();
  for (const t of tallies) by.set(t.spec.by, t.rows(name));
  return { head, by };
}
