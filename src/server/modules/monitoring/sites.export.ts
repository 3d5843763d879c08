import { csvLine } from '../../../core/csv.ts';
import { requireReauth, type Actor } from '../../platform/access/policy.ts';
import { auditNow, envelope, type AppContext } from '../../platform/context.ts';
import { decryptUser } from '../users/users.presenter.ts';
import { usersRepo } from '../users/users.repo.ts';
import { appointedRegions, staffContact } from './sites.contacts.ts';
import { mayObserve } from './sites.service.ts';
import { loadMission, requireReviewer } from './monitoring.access.ts';
import { SITES_HEADER } from './sites.import.ts';

/**
 * The mission's sites as a CSV in the import's own columns (sites.import.ts), so that a list can be
 * edited in a spreadsheet and imported back: planned visits added to two hundred institutions, a
 * station renamed, observers moved. Regions and districts are written as codes, which the import reads
 * in any language. A file leaves the system: reviewers of the mission only, a region coordinator their
 * regions only, after re-authentication, and audited with whose addresses it holds.
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
  // Observers' addresses are contact data: only where an administrator appointed the caller (ADR 0025,
  // as their phone numbers), and only accounts that may still observe. Where a site's cell cannot list
  // all of its observers it is left empty, which the import reads as "keep the observers as they are":
  // a round trip never unassigns anyone, nor refuses the file for an address it wrote itself.
  const appointed = await appointedRegions(ctx, actor!, missionId);
  const shownSites = sites.filter((s) => appointed === 'all' || appointed.has(s.region)).map((s) => s.id);
  const links = shownSites.length
    ? await ctx.db
        .selectFrom('site_observers')
        .select(['site_id', 'user_id'])
        .where('site_id', 'in', shownSites)
        .execute()
    : [];
  // Decrypted only for accounts that may still observe, and staff members' for administrators only
  // (`staffContact`): no other address is read into memory.
  const env = envelope(ctx);
  const emailOf = new Map(
    (await usersRepo.byIds(ctx.db, [...new Set(links.map((l) => l.user_id))]))
      .filter((r) => mayObserve(r) && !staffContact(actor!, r.role))
      .map((r) => [r.id, decryptUser(env, r).email]),
  );
  const observersOf = new Map<string, string[] | null>();
  for (const l of links) {
    const email = emailOf.get(l.user_id);
    const list = observersOf.get(l.site_id);
    if (list !== null) observersOf.set(l.site_id, email ? [...(list ?? []), email] : null);
  }
  const written = links.filter((l) => observersOf.get(l.site_id)).map((l) => l.user_id);
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
    // Whose addresses left in the file, as a contacts look-up names whose numbers were shown.
    details: { sites: sites.length, users: [...new Set(written)] },
  });
  return { filename: `sites-${new Date().toISOString().slice(0, 10)}.csv`, csv };
}
