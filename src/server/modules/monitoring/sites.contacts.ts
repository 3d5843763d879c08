import type { Actor } from '../../platform/access/policy.ts';
import { envelope, inTx, type AppContext } from '../../platform/context.ts';
import { decryptUserWithPhone } from '../users/users.presenter.ts';
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
 * Numbers go only to coordinators an administrator appointed (`appointedFor`).
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
  const people = (
    await usersRepo.byIds(
      ctx.db,
      links.map((l) => l.user_id),
    )
  ).map((r) => decryptUserWithPhone(env, r));
  const items = people
    .map((u) => ({ userId: u.id, name: u.name, phone: !shown || u.status === 'disabled' ? null : u.phone }))
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
 * Whether an administrator stands behind the caller's grant for this site (ADR 0025): they are an
 * administrator, or an appointed grant of theirs in the mission covers the site's region. Without it
 * the names show (they are on the sites list anyway) and the numbers do not.
 */
async function appointedFor(ctx: AppContext, actor: Actor, site: { mission_id: string; region: string }) {
  if (actor.role === 'admin') return true;
  const g = await ctx.db
    .selectFrom('mission_coordinators')
    .select('id')
    .where('mission_id', '=', site.mission_id)
    .where('user_id', '=', actor.userId)
    .where('appointed', '=', 1)
    .where((eb) => eb.or([eb('region', 'is', null), eb('region', '=', site.region)]))
    .limit(1)
    .executeTakeFirst();
  return g !== undefined;
}
