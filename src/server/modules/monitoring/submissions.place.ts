import type { Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { missionScope, regionInScope } from './monitoring.access.ts';

/**
 * Where an observer's submission lands, and whether it is theirs to send: the site's mission and
 * place, the mission's status, the form's place in the mission and the observer's assignment.
 *
 * On SQLite this answer is cached (issue #5: the four-table check cost about 30 µs of a submission's
 * 350 on the main thread, because every commit empties the reading connection's page cache). An
 * answer is used only while the topology counter (migration 0023: moved by triggers on every change
 * to sites, missions, mission forms and assignments, by any writer) still reads what it read before
 * the answer was queried. Reading the counter first is what makes it safe: a change committed between
 * the two reads leaves the answer stored under the old value, which the next check no longer matches.
 * PostgreSQL is not cached: reading the counter costs a round trip, as the check itself does, and
 * several nodes share the database.
 */
const placeQuery = prepared('submissions.place', (db, p) =>
  db
    .selectFrom('sites as s')
    .innerJoin('missions as m', 'm.id', 's.mission_id')
    .innerJoin('mission_forms as mf', (j) =>
      j.onRef('mf.mission_id', '=', 's.mission_id').on('mf.form_version_id', '=', p(0)),
    )
    .leftJoin('site_observers as so', (j) => j.onRef('so.site_id', '=', 's.id').on('so.user_id', '=', p(1)))
    .select(['s.mission_id', 's.region', 's.district', 'm.status', 'so.user_id as assigned'])
    .where('s.id', '=', p(2)),
);

const generationQuery = prepared('submissions.topology', (db) =>
  db.selectFrom('mon_topology').select('generation').where('id', '=', 1),
);

type PlaceRow = Awaited<ReturnType<typeof placeQuery>>[number];

const queryPlace = async (ctx: AppContext, versionId: string, userId: string, siteId: string) =>
  (await placeQuery(ctx.db, [versionId, userId, siteId]))[0] ?? null;

/** Enough for every observer of a national election, each on a few sites; past it the cache starts over. */
const MAX_ENTRIES = 50_000;

class PlaceCache {
  private generation = -1;
  private readonly rows = new Map<string, PlaceRow | null>();

  async lookup(ctx: AppContext, versionId: string, userId: string, siteId: string) {
    const [g] = await generationQuery(ctx.db, []);
    // Without its row (never expected: the migration makes it) nothing is known to be unchanged.
    if (!g) return queryPlace(ctx, versionId, userId, siteId);
    const generation = Number(g.generation);
    if (generation !== this.generation) {
      this.rows.clear();
      this.generation = generation;
    }
    const key = `${siteId}\u0000${versionId}\u0000${userId}`;
    const hit = this.rows.get(key);
    if (hit !== undefined) return hit;
    const r = await queryPlace(ctx, versionId, userId, siteId);
    // Stored under the counter read before the query (see above), unless it moved meanwhile.
    if (this.generation === generation) {
      if (this.rows.size >= MAX_ENTRIES) this.rows.clear();
      this.rows.set(key, r);
    }
    return r;
  }
}

const caches = new WeakMap<AppContext, PlaceCache>();

async function placeRow(ctx: AppContext, versionId: string, userId: string, siteId: string) {
  if (ctx.dbh.kind !== 'sqlite') return queryPlace(ctx, versionId, userId, siteId);
  let c = caches.get(ctx);
  if (!c) caches.set(ctx, (c = new PlaceCache()));
  return c.lookup(ctx, versionId, userId, siteId);
}

/** Where an observer's submission lands: its mission and place, or null when not theirs to send. */
export async function placeFor(ctx: AppContext, actor: Actor, siteId: string, versionId: string) {
  const r = await placeRow(ctx, versionId, actor.userId, siteId);
  if (!r || r.status !== 'active') return null;
  if (!r.assigned) {
    // A coordinator or administrator may report for a site of their part of the mission.
    const scope = await missionScope(ctx.db, actor, r.mission_id);
    if (!scope || !regionInScope(scope, r.region)) return null;
  }
  return { missionId: r.mission_id, region: r.region, district: r.district };
}
