import { districtsOf, REGION_CODES } from '../../../core/geo/regions.ts';
import type { StatsBy } from '../../../core/schemas/violation-stats.ts';
import { can, type Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import { SEP, subjectCells, subjectsOf, type Cell } from './facts.cells.ts';
import { countInMemory, MEMORY_BY } from './facts.count.ts';
import { factsMemory, memoryScope } from './facts.memory.ts';
import { factEvents, readCells, restrictedSnaps, simpleSpec, type RestrictedSnap } from './facts.query.ts';
import { breakdown, headline, toRows, type BreakdownSpec, type Headline, type Rows } from './stats.repo.ts';
import type { EventFilter } from './violations.repo.ts';

/**
 * Statistics of the actor's view from the derived tables (ADR 0011). Under a simple filter (none,
 * one tag, or a range of whole months) the headline and the breakdowns of act types, rights,
 * perpetrator types, places and periods in events or acts are sums of pre-counted cells (plus the
 * actor's restricted events); victims, and any other filter, are counted by the same queries as the
 * live reference (`stats.repo.ts`) over the events found through the inverted index. The live
 * queries stay the definition: `test/integration/violation-facts.test.ts` compares the two.
 */
const CITIES = REGION_CODES.filter((r) => districtsOf(r).length === 0);

/** The cell prefix of a breakdown answered from the counts, or null when it is counted live. */
function prefixOf(s: BreakdownSpec): string | null {
  if (s.unit === 'victims') return null;
  switch (s.by) {
    case 'actType':
      return s.level && s.unit !== 'acts' ? null : 'a';
    case 'right':
      return 'R';
    case 'perpetratorType':
      return 'p';
    case 'region':
      return 'g';
    case 'district':
      return 'd';
    case 'period':
      return s.period === 'month' ? 'b' : 'y';
    default:
      return null;
  }
}

function rowsOf(s: BreakdownSpec, cells: Map<string, Cell>): Rows {
  const actLevel = s.by === 'actType' || s.by === 'right' || s.by === 'perpetratorType';
  const pick = (c: Cell) => (s.unit === 'acts' ? c[1] : actLevel ? c[2] : c[0]);
  const all = cells.get('*');
  const total = all ? pick(all) : 0;
  const counts = new Map<string, number>();
  const add = (code: string, n: number) => counts.set(code, (counts.get(code) ?? 0) + n);
  const p = prefixOf(s)!;
  for (const [tag, c] of cells) {
    if (s.by === 'district' && tag.startsWith('g:') && CITIES.includes(tag.slice(2) as never))
      add(tag.slice(2), pick(c));
    if (!tag.startsWith(`${p}:`)) continue;
    let code = tag.slice(2);
    if (s.by === 'actType' && s.level) code = code.slice(0, 2 * s.level).padEnd(12, '0');
    add(code, pick(c));
  }
  if (!actLevel) {
    const known = [...counts.values()].reduce((a, b) => a + b, 0);
    if (total > known) add('unknown', total - known);
  }
  return toRows([...counts].filter(([, n]) => n > 0).map(([code, n]) => ({ code, n })));
}

/** Distinct victims and perpetrators of the unfiltered view: open subjects plus the actor's restricted ones. */
async function subjectHead(db: Executor, cells: Map<string, Cell>, restricted: readonly RestrictedSnap[]) {
  const sum = new Map<string, number>();
  for (const t of ['V:individual', 'V:group', 'VS:group', 'VN:group', 'P:*'])
    sum.set(t, cells.get(t)?.[0] ?? 0);
  const keys = new Set<string>();
  for (const r of restricted) for (const k of subjectsOf(r.snap).keys()) keys.add(k);
  const counted = new Set<string>();
  const list = [...keys];
  for (let i = 0; i < list.length; i += 500) {
    const part = list.slice(i, i + 500).map((k) => k.split(SEP) as [string, string]);
    const r = await db
      .selectFrom('vio_fact_subjects')
      .select(['role', 'subject'])
      .where('m', '>', 0)
      .where((eb) =>
        eb.or(part.map(([role, subject]) => eb.and([eb('role', '=', role), eb('subject', '=', subject)]))),
      )
      .execute();
    for (const x of r) counted.add(`${x.role}${SEP}${x.subject}`);
  }
  for (const k of keys)
    if (!counted.has(k)) for (const [t, n] of subjectCells(k)) sum.set(t, (sum.get(t) ?? 0) + n);
  return sum;
}

/**
 * Any filter but "mine" and an event-number search, from the facts in memory (ADR 0016); victims by
 * sex, age group or vulnerability still from the people records.
 */
async function statsFromMemory(db: Executor, actor: Actor, f: EventFilter, specs: BreakdownSpec[]) {
  const mem = await factsMemory(db);
  const out = countInMemory(mem, await memoryScope(db, mem, actor, f.ids), f, specs);
  const live = specs.filter((s) => !MEMORY_BY.includes(s.by));
  if (live.length) {
    const scope = { actor, facts: await factEvents(db, actor, f) };
    for (const s of live) out.by.set(s.by, await breakdown(db, scope, f, s));
  }
  return out;
}

export async function statsFromFacts(
  db: Executor,
  actor: Actor,
  f: EventFilter,
  specs: BreakdownSpec[],
): Promise<{ head: Headline; by: Map<StatsBy, Rows> }> {
  // Inside a transaction the live tables may hold changes the memory has not seen: count from tables.
  if (!f.mine && !f.numberPrefix && !db.isTransaction && can(actor, 'violations.read'))
    return statsFromMemory(db, actor, f, specs);
  const spec = simpleSpec(f);
  const scope = { actor, facts: await factEvents(db, actor, f) };
  const by = new Map<StatsBy, Rows>();
  if (!spec) {
    const head = await headline(db, scope, f);
    for (const s of specs) by.set(s.by, await breakdown(db, scope, f, s));
    return { head, by };
  }
  const restricted = await restrictedSnaps(db, actor);
  const prefixes = new Set<string>();
  for (const s of specs) {
    const p = prefixOf(s);
    if (p) prefixes.add(p);
    if (p === 'd') prefixes.add('g');
  }
  const unfiltered = 'fkey' in spec && spec.fkey === '';
  if (unfiltered) for (const p of ['V', 'VS', 'VN', 'P']) prefixes.add(p);
  const cells = await readCells(db, spec, [...prefixes], restricted);
  let head: Headline;
  if (unfiltered) {
    const subj = await subjectHead(db, cells, restricted);
    const all = cells.get('*') ?? [0, 0, 0];
    head = {
      events: all[0],
      acts: all[1],
      victims: subj.get('V:individual') ?? 0,
      perpetrators: subj.get('P:*') ?? 0,
      groupVictims: subj.get('V:group') ?? 0,
      groupVictimsSize: subj.get('VS:group') ?? 0,
      groupVictimsWithoutSize: subj.get('VN:group') ?? 0,
    };
  } else head = await headline(db, scope, f);
  for (const s of specs) by.set(s.by, prefixOf(s) ? rowsOf(s, cells) : await breakdown(db, scope, f, s));
  return { head, by };
}
