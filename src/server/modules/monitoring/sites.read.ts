import type { z } from 'zod';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import type { SitesTable } from '../../platform/db/schema.monitoring.ts';
import { activeUsersWith, userNames } from '../users/users.names.ts';
import { loadMission } from './monitoring.access.ts';
import type * as S from './missions.schemas.ts';

type Site = z.infer<typeof S.Site>;
const PAGE = 100;

/** Sites of a mission in the caller's part of it: a region coordinator their regions, an observer theirs. */
export async function listSites(
  ctx: AppContext,
  actor: Actor | null,
  missionId: string,
  q: z.infer<typeof S.SitesQuery>,
): Promise<z.infer<typeof S.SiteList>> {
  const a = await loadMission(ctx, actor, missionId);
  const page = q.page ?? 1;
  let base = ctx.db.selectFrom('sites as s').where('s.mission_id', '=', missionId);
  if (a.scope.kind === 'regions') base = base.where('s.region', 'in', a.scope.regions);
  if (a.scope.kind === 'observer')
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('site_observers as so')
          .select('so.site_id')
          .whereRef('so.site_id', '=', 's.id')
          .where('so.user_id', '=', actor!.userId),
      ),
    );
  if (q.region) base = base.where('s.region', '=', q.region);
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, '').toLowerCase()}%`;
    base = base.where((eb) =>
      eb.or([eb(eb.fn('lower', ['s.code']), 'like', like), eb(eb.fn('lower', ['s.name']), 'like', like)]),
    );
  }
  const [rows, total] = await Promise.all([
    base
      .selectAll('s')
      .orderBy('s.code')
      .limit(PAGE)
      .offset((page - 1) * PAGE)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await presentSites(ctx, rows, a.scope.kind !== 'observer'), total: Number(total.n), page };
}

export async function presentSites(
  ctx: AppContext,
  rows: SitesTable[],
  withObservers: boolean,
): Promise<Site[]> {
  const ids = rows.map((r) => r.id);
  const [obs, counts] = ids.length
    ? await Promise.all([
        withObservers
          ? ctx.db
              .selectFrom('site_observers')
              .select(['site_id', 'user_id'])
              .where('site_id', 'in', ids)
              .execute()
          : Promise.resolve([]),
        ctx.db
          .selectFrom('mon_count_site_form')
          .select(['site_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('site_id', 'in', ids)
          .groupBy('site_id')
          .execute(),
      ])
    : [[], []];
  const names = await userNames(
    ctx,
    obs.map((o) => o.user_id),
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    region: r.region,
    district: r.district,
    place: r.place,
    lat: r.lat,
    lon: r.lon,
    observers: obs
      .filter((o) => o.site_id === r.id)
      .map((o) => ({ userId: o.user_id, name: names.get(o.user_id) ?? '—' })),
    received: Number(counts.find((c) => c.site_id === r.id)?.n ?? 0),
  }));
}

/** People who can be assigned as observers (reviewers only: a pick list of names). */
export async function listObservers(ctx: AppContext, actor: Actor | null) {
  requireCap(actor, 'monitoring.review');
  return {
    items: (await activeUsersWith(ctx, 'monitoring.submit')).map((u) => ({ id: u.id, name: u.name })),
  };
}
