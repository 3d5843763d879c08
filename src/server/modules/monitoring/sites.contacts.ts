import { capabilitiesOf, type Actor } from '../../platform/access/policy.ts';
import type { Role } from '../../../core/roles.ts';
import { envelope, inTx, type AppContext } from '../../platform/context.ts';
import { decryptUser, decryptUserWithPhone } from '../users/users.presenter.ts';
import { usersRepo } from '../users/users.repo.ts';
import { loadSite } from './sites.service.ts';

/**
 * The observers of one site with their phone numbers: on election day a coordinator calls the observer
 * of a station that has not reported. Only reviewers whose part of the mission holds the site get it
 * (`loadSite`: anyone else, observers included, is told the site does not exist). Phone numbers are
 * contact data (SECURITY.md), so they are not in the sites list; each look-up is its own request and
 * leaves an audit entry naming whose numbers were shown, which makes harvesting them visible.
 * A disabled account keeps its name on the site but not its number: it is no longer on the team. An
 * invited one shows it: the coordinator may need to call to get the account set up before the day.
 * Numbers go only to coordinators an administrator appointed (`appointedFor`), and a staff member's
 * (`staffContact`) only to administrators.
 */
export async function siteContacts(ctx: AppContext, actor: Actor | null, siteId: string) {
  const { row } = await loadSite(ctx, actor, siteId);
  const shown = await appointedFor(ctx, actor!, row);
  const links = await ctx.db
    .selectFrom('site_observers')
    .select('user_id')
    .where('site_id', '=', row.id)
    .execute();
  const env = envelope(ctx);
  const rows = await usersRepo.byIds(
    ctx.db,
    links.map((l) => l.user_id),
  );
  const items = rows
    .map((r) => {
      const staff = staffContact(actor!, r.role);
      // A number that is not shown is not decrypted either.
      if (!shown || staff || r.status === 'disabled')
        return { userId: r.id, name: decryptUser(env, r).name, phone: null, staff };
      const u = decryptUserWithPhone(env, r);
      return { userId: u.id, name: u.name, phone: u.phone, staff };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  await inTx(ctx, async (_tx, audit) => {
    await audit({
      actorId: actor!.userId,
      action: 'monitoring.site_contacts',
      entityType: 'site',
      entityId: row.id,
      details: { users: items.filter((i) => i.phone !== null).map((i) => i.userId) },
    });
  });
  return { items, phones: shown ? ('shown' as const) : ('not_appointed' as const) };
}

/**
 * Whether an observer's contact data is a staff member's that only an administrator sees: an account
 * that can do more than observe (a coordinator, a lawyer, an administrator on a station). A region
 * coordinator may put any account that can observe on their sites; without this rule, placing the
 * organisation's staff there one by one would give them everyone's numbers and addresses.
 */
export function staffContact(actor: Actor, role: string): boolean {
  return actor.role !== 'admin' && capabilitiesOf(role as Role).some((c) => c !== 'monitoring.submit');
}

/**
 * Where an administrator stands behind the caller's grant in a mission (ADR 0025): everywhere for an
 * administrator or a whole-mission appointed grant, else the regions of their appointed grants (none
 * for a coordinator who made the mission themselves). Observers' contact data goes only there.
 */
export async function appointedRegions(
  ctx: AppContext,
  actor: Actor,
  missionId: string,
): Promise<'all' | Set<string>> {
  if (actor.role === 'admin') return 'all';
  const grants = await ctx.db
    .selectFrom('mission_coordinators')
    .select('region')
    .where('mission_id', '=', missionId)
    .where('user_id', '=', actor.userId)
    .where('appointed', '=', 1)
    .execute();
  if (grants.some((g) => g.region === null)) return 'all';
  return new Set(grants.map((g) => g.region!));
}

/** Whether the caller's appointed grant covers this site (`appointedRegions`). */
async function appointedFor(ctx: AppContext, actor: Actor, site: { mission_id: string; region: string }) {
  const where = await appointedRegions(ctx, actor, site.mission_id);
  return where === 'all' || where.has(site.region);
}
