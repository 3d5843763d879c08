import { sql } from 'kysely';
import type { Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import { FACET_VERSION_KEY, filteredEvents, type EventFilter } from './violations.repo.ts';

type Facet = { code: string; count: number }[];
export interface FacetCounts {
  total: number;
  region: Facet;
  violationStatus: Facet;
  actType: Facet;
}
/** Raw counts of one set of events: region × status grid, and events per type of act. */
interface Raw {
  grid: { region: string | null; status: string | null; n: number }[];
  acts: Map<string, number>;
}

/**
 * Facet counts of the event list (events, each facet under every other active filter, as usual in
 * faceted search). Counting touches every matching event and act (a million acts at full scale), so
 * the part that is the same for every user — unrestricted events — is cached per filter and data
 * version (`violations.facets.version`, bumped in the transaction of every change); the restricted
 * events the actor is a member of are counted live and added (the two sets are disjoint, so the sums
 * are exact). The cache holds counts of unrestricted events only: nothing a reader could not see.
 */
const cache = new Map<string, { version: string; raw: Raw }>();
const CACHE_MAX = 500;

async function rawCounts(db: Executor, actor: Actor, f: EventFilter, restricted: 0 | 1): Promise<Raw> {
  const grid = await filteredEvents(db, actor, { ...f, region: undefined, violationStatus: undefined })
    .where('e.restricted', '=', restricted)
    .select(['e.region', 'e.violation_status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['e.region', 'e.violation_status'])
    .execute();
  // Events first, then their acts through (event_id, act_type): SQLite otherwise walks all acts by
  // type and looks each event up at random (≈5× slower at 1M acts). CROSS JOIN fixes the order
  // there and is an ordinary join for PostgreSQL's planner.
  const acts = await filteredEvents(db, actor, { ...f, actType: undefined })
    .where('e.restricted', '=', restricted)
    .crossJoin('vio_acts as xa')
    .whereRef('xa.event_id', '=', 'e.id')
    .select(['xa.act_type as code', sql<number>`count(distinct e.id)`.as('count')])
    .groupBy('xa.act_type')
    .execute();
  return {
    grid: grid.map((g) => ({ region: g.region, status: g.violation_status, n: Number(g.n) })),
    acts: new Map(acts.map((a) => [a.code, Number(a.count)])),
  };
}

async function openCounts(db: Executor, actor: Actor, f: EventFilter): Promise<Raw> {
  // Text search and "mine" depend on the actor or on a result list: not cached.
  if (f.mine || f.ids || f.numberPrefix) return rawCounts(db, actor, f, 0);
  const v = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', FACET_VERSION_KEY)
    .executeTakeFirst();
  const version = v?.value ?? '0';
  const key = JSON.stringify([
    f.district,
    f.actType,
    f.perpetratorType,
    f.reliability,
    f.from,
    f.to,
    f.region,
    f.violationStatus,
  ]);
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.raw;
  const raw = await rawCounts(db, actor, f, 0);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, { version, raw });
  return raw;
}

export async function eventFacets(db: Executor, actor: Actor, f: EventFilter): Promise<FacetCounts> {
  const parts = [await openCounts(db, actor, f), await rawCounts(db, actor, f, 1)];
  let total = 0;
  const region = new Map<string, number>();
  const status = new Map<string, number>();
  const acts = new Map<string, number>();
  for (const p of parts) {
    for (const g of p.grid) {
      const regionOk = !f.region || g.region === f.region;
      const statusOk = !f.violationStatus || g.status === f.violationStatus;
      if (regionOk && statusOk) total += g.n;
      if (statusOk && g.region) region.set(g.region, (region.get(g.region) ?? 0) + g.n);
      if (regionOk && g.status) status.set(g.status, (status.get(g.status) ?? 0) + g.n);
    }
    for (const [code, n] of p.acts) acts.set(code, (acts.get(code) ?? 0) + n);
  }
  const sorted = (m: Map<string, number>) =>
    [...m]
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
      .slice(0, 100);
  return { total, region: sorted(region), violationStatus: sorted(status), actType: sorted(acts) };
}
