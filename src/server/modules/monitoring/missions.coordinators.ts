import type { z } from 'zod';
import { isRegionCode } from '../../../core/geo/regions.ts';
import { uuidv7 } from '../../../core/ids.ts';
import type { Role } from '../../../core/roles.ts';
import { capabilitiesOf, requireCap, requireReauth, type Actor } from '../../platform/access/policy.ts';
import { inTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { activeUsersWith } from '../users/users.names.ts';
import { loadMission, requireWholeMission } from './monitoring.access.ts';
import type * as S from './missions.schemas.ts';
import { getMission } from './missions.service.ts';

/**
 * Who may coordinate a mission: an active account whose role reviews monitoring (a coordinator or an
 * administrator). An invited account has not set up its password and 2FA yet, so it may not.
 */
const COORDINATE = 'monitoring.review';
const mayCoordinate = (u: { role: string; status: string }) =>
  u.status === 'active' && capabilitiesOf(u.role as Role).includes(COORDINATE);

/** The pick list of the Coordinators tab: exactly the people `setMissionCoordinators` accepts. */
export async function listCoordinatorCandidates(
  ctx: AppContext,
  actor: Actor | null,
): Promise<z.infer<typeof S.CoordinatorCandidates>> {
  requireCap(actor, 'monitoring.review');
  const people = await activeUsersWith(ctx, COORDINATE);
  return { items: people.map((u) => ({ id: u.id, name: u.name })) };
}

/**
 * Whether what the actor grants carries an administrator's authority (ADR 0025): an administrator, or a
 * coordinator an administrator appointed for the whole mission. A coordinator who created the mission
 * themselves runs it, but cannot vouch for anyone: otherwise any coordinator could make a mission, put
 * any observer on it and read their phone number.
 */
function mayAppoint(actor: Actor, grants: { user_id: string; region: string | null; appointed: number }[]) {
  if (actor.role === 'admin') return true;
  return grants.some((g) => g.user_id === actor.userId && g.region === null && g.appointed === 1);
}

/** Coordinators of a mission, each for the whole mission (region null) or one region. */
export async function setMissionCoordinators(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  list: z.infer<typeof S.MissionCoordinators>['coordinators'],
) {
  const a = await loadMission(ctx, actor, id);
  requireWholeMission(actor!, a);
  const users = list.length
    ? await ctx.db
        .selectFrom('users')
        .select(['id', 'role', 'status'])
        .where(
          'id',
          'in',
          list.map((c) => c.userId),
        )
        .execute()
    : [];
  list.forEach((c, i) => {
    if (c.region !== null && !isRegionCode(c.region))
      throw new AppError('geo.unknown_region', {
        fields: [{ path: `coordinators.${i}.region`, code: 'invalid_value' }],
      });
    const u = users.find((x) => x.id === c.userId);
    if (!u || !mayCoordinate(u))
      throw new AppError('missions.coordinator_invalid', {
        fields: [{ path: `coordinators.${i}.userId`, code: 'invalid_value' }],
      });
  });
  const seen = new Set<string>();
  const rows = list.filter((c) => {
    const k = `${c.userId}:${c.region ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  // Who coordinates decides who reads a region's reports: a role change (SECURITY.md), so a stolen
  // session cannot hand a region to someone. Checked after the list, so a mistake costs no code.
  requireReauth(actor!);
  await inTx(ctx, async (tx, audit) => {
    const before = await tx
      .selectFrom('mission_coordinators')
      .select(['user_id', 'region', 'appointed'])
      .where('mission_id', '=', id)
      .execute();
    const appoints = mayAppoint(actor!, before);
    // A grant kept as it was keeps its appointment: saving the list does not take it away.
    const was = (c: { userId: string; region: string | null }) =>
      before.some((b) => b.user_id === c.userId && b.region === c.region && b.appointed === 1);
    await tx.deleteFrom('mission_coordinators').where('mission_id', '=', id).execute();
    if (rows.length)
      await tx
        .insertInto('mission_coordinators')
        .values(
          rows.map((c) => ({
            id: uuidv7(),
            mission_id: id,
            user_id: c.userId,
            region: c.region,
            appointed: appoints || was(c) ? 1 : 0,
          })),
        )
        .execute();
    await audit({
      actorId: actor!.userId,
      action: 'monitoring.mission_coordinators',
      entityType: 'mission',
      entityId: id,
      details: { count: rows.length },
    });
  });
  return getMission(ctx, actor, id);
}
