import { csvLine } from '../../../core/csv.ts';
import { requireReauth, type Actor } from '../../platform/access/policy.ts';
import { auditNow, type AppContext } from '../../platform/context.ts';
import { userEmails } from '../users/users.names.ts';
import { loadMission, requireReviewer } from './monitoring.access.ts';
import { SITES_HEADER } from './sites.import.ts';

/**
 * The mission's sites as a CSV in the import's own columns (sites.import.ts), so that a list can be
 * edited in a spreadsheet and imported back: planned visits added to two hundred institutions, a
 * station renamed, observers moved. Regions and districts are written as codes, which the import reads
 * in any language. A file leaves the system with the observers' addresses in it: reviewers of the
 * mission only, a region coordinator their regions only, after re-authentication, and audited.
 */
export async function exportSites(
  ctx: AppContext,
  actor: Actor | null,
  missionId: string,
): Promise<{ filename: string; csv: string }> {
  const a = await loadMission(ctx, actor, missionId);
  requireReviewer(a);
  requireReauth(actor!);
  let q = ctx.db
    .selectFrom('sites')
    .select(['id', 'code', 'name', 'region', 'district', 'place', 'lat', 'lon', 'visits'])
    .where('mission_id', '=', missionId)
    .orderBy('code');
  if (a.scope.kind === 'regions') q = q.where('region', 'in', a.scope.regions);
  const sites = await q.execute();
  const links = sites.length
    ? await ctx.db
        .selectFrom('site_observers')
        .select(['site_id', 'user_id'])
        .where('mission_id', '=', missionId)
        .execute()
    : [];
  const emails = await userEmails(
    ctx,
    links.map((l) => l.user_id),
  );
  const observersOf = new Map<string, string[]>();
  for (const l of links) {
    const email = emails.get(l.user_id);
    if (email) observersOf.set(l.site_id, [...(observersOf.get(l.site_id) ?? []), email]);
  }
  // The byte order mark lets Excel read the file as UTF-8; the import drops it.
  let csv = `\uFEFF${csvLine(SITES_HEADER)}`;
  for (const s of sites)
    csv += csvLine([
      s.code,
      s.name,
      s.region,
      s.district,
      s.place,
      s.lat,
      s.lon,
      (observersOf.get(s.id) ?? []).sort().join(' '),
      s.visits,
    ]);
  await auditNow(ctx, {
    actorId: actor!.userId,
    action: 'monitoring.sites_export',
    entityType: 'mission',
    entityId: missionId,
    details: { sites: sites.length },
  });
  return { filename: `sites-${new Date().toISOString().slice(0, 10)}.csv`, csv };
}
