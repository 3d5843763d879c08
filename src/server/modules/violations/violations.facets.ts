import { sql } from 'kysely';
import type { Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import { factEvents } from './facts.query.ts';
import { listInMemory } from './facts.list.ts';
import { factsMemory, memoryScope } from './facts.sync.ts';
import { EVENT_PAGE, violationsRepo, type EventFilter } from './violations.repo.ts';

type Facet = { code: string; count: number }[];
export interface FacetCounts {
  total: number;
  region: Facet;
  violationStatus: Facet;
  actType: Facet;
}

/**
 * Facet counts of the event list from the tables, for the lists the facts in memory do not answer
 * ("mine", an event-number search, a read inside a transaction): events, each facet under every other
 * active filter (as usual in faceted search). Four figures — the total under all filters, regions
 * without the region filter, statuses without the status filter, act types without the act-type
 * filter — counted over the inverted index (`factEvents`, proportional to the rarest filter's
 * postings). Figures with the same filter set are read together.
 */
const PREFIX = { total: '*', region: 'g', violationStatus: 's', actType: 'a' } as const;
type Want = keyof typeof PREFIX;

export async function eventFacets(db: Executor, actor: Actor, f: EventFilter): Promise<FacetCounts> {
  const needs: [Want, EventFilter][] = [
    ['total', f],
    ['region', { ...f, region: undefined }],
    ['violationStatus', { ...f, violationStatus: undefined }],
    ['actType', { ...f, actType: undefined }],
  ];
  const groups = new Map<string, { f: EventFilter; wants: Want[] }>();
  for (const [w, g] of needs) {
    const key = JSON.stringify(g);
    const x = groups.get(key) ?? { f: g, wants: [] };
    x.wants.push(w);
    groups.set(key, x);
  }
  const out: Partial<Record<Want, Map<string, number>>> = {};
  await Promise.all(
    [...groups.values()].map(async ({ f: g, wants }) => {
      const prefixes = wants.filter((w) => w !== 'total').map((w) => PREFIX[w]);
      const counts = await liveCounts(db, actor, g, prefixes);
      for (const w of wants) {
        const m = new Map<string, number>();
        const p = PREFIX[w];
        for (const [t, n] of counts)
          if (w === 'total' ? t === '*' : t.startsWith(`${p}:`)) m.set(w === 'total' ? '*' : t.slice(2), n);
        out[w] = m;
      }
    }),
  );
  const sorted = (m: Map<string, number> | undefined) =>
    [...(m ?? [])]
      .filter(([, count]) => count > 0)
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
      .slice(0, 100);
  return {
    total: out.total?.get('*') ?? 0,
    region: sorted(out.region),
    violationStatus: sorted(out.violationStatus),
    actType: sorted(out.actType),
  };
}

/** Counts over the inverted index: events under `f` by region/status (`g`, `s`) and by act type (`a`). */
async function liveCounts(db: Executor, actor: Actor, f: EventFilter, prefixes: string[]) {
  const counts = new Map<string, number>();
  const add = (t: string, n: number) => counts.set(t, (counts.get(t) ?? 0) + n);
  const base = await factEvents(db, actor, f);
  const grid = await base
    .select(['e.region', 'e.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['e.region', 'e.status'])
    .execute();
  for (const g of grid) {
    add('*', Number(g.n));
    if (prefixes.includes('g') && g.region) add(`g:${g.region}`, Number(g.n));
    if (prefixes.includes('s') && g.status) add(`s:${g.status}`, Number(g.n));
  }
  if (prefixes.includes('a')) {
    const acts = await base
      .innerJoin('vio_fact_tags as ta', 'ta.event_id', 't0.event_id')
      .where('ta.tag', '>=', 'a:')
      .where('ta.tag', '<', 'a;')
      .select(['ta.tag', sql<number>`count(*)`.as('n')])
      .groupBy('ta.tag')
      .execute();
    for (const a of acts) add(a.tag, Number(a.n));
  }
  return counts;
}

/**
 * A page of the event list (up to `EVENT_PAGE + 1` rows: one more tells that more follow) with its
 * facets, from the bit sets of the facts in memory (ADR 0016). "Mine", an event-number search and a
 * read inside a transaction read the tables. The rows themselves are read by id afterwards.
 */
export async function listPage(db: Executor, actor: Actor, f: EventFilter, page: number) {
  if (f.mine || f.numberPrefix || db.isTransaction) {
    const [rows, facets] = await Promise.all([
      violationsRepo.page(db, actor, f, page),
      eventFacets(db, actor, f),
    ]);
    return { rows, facets };
  }
  const mem = await factsMemory(db);
  const { ids, ...facets } = listInMemory(
    mem,
    memoryScope(mem, actor, f.ids),
    f,
    (page - 1) * EVENT_PAGE,
    EVENT_PAGE + 1,
  );
  const byId = new Map((await violationsRepo.eventsByIds(db, ids)).map((r) => [r.id, r]));
  return { rows: ids.map((id) => byId.get(id)).filter((r) => r !== undefined), facets };
}
