import type { z } from 'zod';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import type { SitesTable } from '../../platform/db/schema.monitoring.ts';
import { activeUsersWith, userNames } from '../users/users.names.ts';
import { loadMission } from './monitoring.access.ts';
import type * as S from './missions.schemas.ts';
import { checklistCount, expectedAt, hasObserver, receivedCount, statusIs } from './sites.status.ts';

type Site = z.infer<typeof S.Site>;
const PAGE = 100;
/** More sites than one observer is ever sent to (a mobile team covers a district's few dozen). */
const MAX_OBSERVED = 2000;

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
  if (a.scope.kind === 'observer') {
    const mine = await base.selectAll('s').orderBy('s.code').limit(MAX_OBSERVED).execute();
    return observerSites(ctx, actor!.userId, missionId, mine, q, page);
  }
  if (q.status) base = base.where(statusIs(q.status, await checklistCount(ctx.db, missionId)));
  // On election day: who went quiet longest (staffed sites; those that never sent anything first).
  // Reviewers only (observers have their own list above): the last report of a site is theirs to see.
  const quiet = q.sort === 'quiet';
  const [rows, total] = await Promise.all([
    base
      .selectAll('s')
      .$if(quiet, (qb) =>
        qb
          .orderBy((eb) => eb.case().when(hasObserver(eb)).then(0).else(1).end())
          .orderBy((eb) =>
            eb.fn.coalesce(
              eb
                .selectFrom('submissions as x')
                .select((e) => e.fn.max('x.received_at').as('last'))
                .whereRef('x.site_id', '=', 's.id'),
              eb.val(''),
            ),
          ),
      )
      .orderBy('s.code')
      .limit(PAGE)
      .offset((page - 1) * PAGE)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await presentSites(ctx, rows, true), total: Number(total.n), page };
}

/**
 * An observer's own sites, each with the checklists *they* sent (ADR 0026: an observer never learns of
 * another's report, so neither from a site's figure nor from its status), counted as for the mission
 * (per checklist form, up to the site's planned visits; rejected ones count nowhere). An observer has
 * a handful of sites: the status filter and the page are applied here.
 */
async function observerSites(
  ctx: AppContext,
  userId: string,
  missionId: string,
  rows: SitesTable[],
  q: z.infer<typeof S.SitesQuery>,
  page: number,
): Promise<z.infer<typeof S.SiteList>> {
  const checklists = await checklistCount(ctx.db, missionId);
  const ids = rows.map((r) => r.id);
  const sent = ids.length
    ? await ctx.db
        .selectFrom('submissions')
        .select(['site_id', 'form_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('observer_id', '=', userId)
        .where('site_id', 'in', ids)
        .where('form_kind', '=', 'checklist')
        .where('status', '!=', 'rejected')
        .where('form_id', 'in', (eb) =>
          eb
            .selectFrom('mission_forms')
            .select('form_id')
            .where('mission_id', '=', missionId)
            .where('form_kind', '=', 'checklist'),
        )
        .groupBy(['site_id', 'form_id'])
        .execute()
    : [];
  const visits = new Map(rows.map((r) => [r.id, r.visits]));
  const own = new Map<string, number>();
  for (const r of sent)
    own.set(r.site_id!, (own.get(r.site_id!) ?? 0) + Math.min(Number(r.n), visits.get(r.site_id!) ?? 1));
  const owed = (r: SitesTable) => checklists * r.visits;
  const shown = rows.filter((r) => {
    const got = own.get(r.id) ?? 0;
    if (q.status === 'unstaffed') return false; // they are on each of these sites themselves
    if (q.status === 'waiting') return checklists > 0 && got < owed(r);
    if (q.status === 'complete') return checklists > 0 && got >= owed(r);
    return true;
  });
  const slice = shown.slice((page - 1) * PAGE, page * PAGE);
  return { items: await presentSites(ctx, slice, false, own), total: shown.length, page };
}

/**
 * Sites as the API shows them; observers' names only to reviewers (`withObservers`). With `own` (an
 * observer's list) a site's received figure is the caller's own checklists there.
 */
export async function presentSites(
  ctx: AppContext,
  rows: SitesTable[],
  withObservers: boolean,
  own?: Map<string, number>,
): Promise<Site[]> {
  const ids = rows.map((r) => r.id);
  const missions = [...new Set(rows.map((r) => r.mission_id))];
  const [obs, counts, checklists, reports] = ids.length
    ? await Promise.all([
        ctx.db
          .selectFrom('site_observers')
          .select(['site_id', 'user_id'])
          .where('site_id', 'in', ids)
          .execute(),
        // The status filter's own count (`receivedCount`), so list and filter never disagree; an
        // observer's list brings its own figures (`own`) and does not read the site's.
        own
          ? []
          : ctx.db
              .selectFrom('sites as s')
              .select(['s.id as site_id', (eb) => receivedCount(eb).as('n')])
              .where('s.id', 'in', ids)
              .execute(),
        Promise.all(missions.map(async (m) => [m, await checklistCount(ctx.db, m)] as const)),
        withObservers ? reportsAt(ctx, ids) : new Map<string, SiteReports>(),
      ])
    : [[], [], [], new Map<string, SiteReports>()];
  const perMission = new Map(checklists);
  const names = withObservers
    ? await userNames(
        ctx,
        obs.map((o) => o.user_id),
      )
    : new Map<string, string>();
  return rows.map((r) => {
    const observers = obs.filter((o) => o.site_id === r.id);
    const received = own ? (own.get(r.id) ?? 0) : Number(counts.find((c) => c.site_id === r.id)?.n ?? 0);
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      region: r.region,
      district: r.district,
      place: r.place,
      lat: r.lat,
      lon: r.lon,
      observers: withObservers
        ? observers.map((o) => ({ userId: o.user_id, name: names.get(o.user_id) ?? '—' }))
        : [],
      visits: r.visits,
      received,
      expected: expectedAt(perMission.get(r.mission_id) ?? 0, r.visits, observers.length > 0, received),
      reports: withObservers ? (reports.get(r.id)?.n ?? 0) : null,
      lastReportAt: reports.get(r.id)?.last ?? null,
    };
  });
}

interface SiteReports {
  n: number;
  last: string | null;
}

/**
 * Every report from each site, whatever its form or review state, and when the last one arrived: who has
 * gone quiet on election day. Read from the (site, received) index alone (migration 0041).
 */
async function reportsAt(ctx: AppContext, ids: string[]): Promise<Map<string, SiteReports>> {
  const rows = await ctx.db
    .selectFrom('submissions')
    .select([
      'site_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.max('received_at').as('last'),
    ])
    .where('site_id', 'in', ids)
    .groupBy('site_id')
    .execute();
  return new Map(rows.map((r) => [r.site_id!, { n: Number(r.n), last: r.last }]));
}

/** People who can be assigned as observers (reviewers only: a pick list of names). */
export async function listObservers(ctx: AppContext, actor: Actor | null) {
  requireCap(actor, 'monitoring.review');
  return {
    items: (await activeUsersWith(ctx, 'monitoring.submit', { invited: true })).map((u) => ({
      id: u.id,
      name: u.name,
      role: u.role,
      invited: u.invited,
    })),
  };
}
