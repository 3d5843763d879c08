import type { z } from 'zod';
import { isDistrictOf, isRegionCode } from '../../../core/geo/regions.ts';
import { uuidv7 } from '../../../core/ids.ts';
import type { Role } from '../../../core/roles.ts';
import { capabilitiesOf, requireCap, type Actor } from '../../platform/access/policy.ts';
import { inTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import {
  accessDenied,
  loadMission,
  regionInScope,
  requireReviewer,
  type MissionAccess,
} from './monitoring.access.ts';
import { presentSites } from './sites.read.ts';
import type * as S from './missions.schemas.ts';

type Site = z.infer<typeof S.Site>;
export const KIND_OF_MISSION: Record<string, string> = {
  election: 'polling_station',
  detention: 'detention',
  trial: 'court',
  assembly: 'assembly',
};

/** Whether an account may be sent to a site: active or invited, and its role submits reports. */
export function mayObserve(u: { role: string; status: string }): boolean {
  // An invited observer may be placed before they have set up the account (they see it at first login).
  return (
    (u.status === 'active' || u.status === 'invited') &&
    capabilitiesOf(u.role as Role).includes('monitoring.submit')
  );
}

function checkPlace(region: string, district: string | null | undefined) {
  if (!isRegionCode(region))
    throw new AppError('geo.unknown_region', { fields: [{ path: 'region', code: 'invalid_value' }] });
  if (district && !isDistrictOf(region, district))
    throw new AppError('geo.unknown_region', { fields: [{ path: 'district', code: 'invalid_value' }] });
}

/** A point on the map needs both coordinates: half of one would be drawn nowhere, or somewhere wrong. */
function checkPoint(lat: number | null | undefined, lon: number | null | undefined) {
  if (((lat ?? null) === null) !== ((lon ?? null) === null)) {
    const missing = (lat ?? null) === null ? 'lat' : 'lon';
    throw new AppError('sites.point_half', { fields: [{ path: missing, code: 'required' }] });
  }
}

/** An election-day station is visited once (ADR 0037): a plan of more would expect checklists never sent. */
function checkVisits(missionKind: string, visits: number | undefined) {
  if (missionKind === 'election' && visits !== undefined && visits !== 1)
    throw new AppError('sites.visits_election', { fields: [{ path: 'visits', code: 'invalid_value' }] });
}

/** A reviewer may change sites of their part of the mission (a region coordinator: their region). */
function requireSiteWrite(a: MissionAccess, region: string) {
  requireReviewer(a);
  if (!regionInScope(a.scope, region)) {
    throw new AppError('sites.region_not_yours', { fields: [{ path: 'region', code: 'forbidden' }] });
  }
}

/**
 * Codes are unique in a mission, so "taken" tells a region coordinator that some region has a site of
 * that code: unavoidable, but when the site is outside their part it is logged as a look past their
 * need to know, so that trying codes one after another shows in the audit log. (Checked again inside
 * the write's transaction for a race; this read is for the refusal's log.)
 */
async function refuseTakenCode(
  ctx: AppContext,
  actor: Actor,
  a: MissionAccess,
  missionId: string,
  code: string,
): Promise<void> {
  const taken = await ctx.db
    .selectFrom('sites')
    .select(['id', 'region'])
    .where('mission_id', '=', missionId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!taken) return;
  if (!regionInScope(a.scope, taken.region)) await accessDenied(ctx, actor, 'site', taken.id);
  throw new AppError('sites.code_taken', { fields: [{ path: 'code', code: 'invalid_value' }] });
}

/** The site and its mission access, or `sites.not_found` when the actor may not see it. */
export async function loadSite(ctx: AppContext, actor: Actor | null, id: string) {
  requireCap(actor, 'monitoring.submit');
  const row = await ctx.db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('sites.not_found');
  // Outside the mission altogether, loadMission has logged the refusal already.
  const a = await loadMission(ctx, actor, row.mission_id).catch(() => null);
  if (!a) throw new AppError('sites.not_found');
  if (a.scope.kind === 'observer' || !regionInScope(a.scope, row.region)) {
    await accessDenied(ctx, actor, 'site', id);
    throw new AppError('sites.not_found');
  }
  return { row, a };
}

export async function createSite(
  ctx: AppContext,
  actor: Actor | null,
  missionId: string,
  input: z.infer<typeof S.SiteCreate>,
): Promise<string> {
  const a = await loadMission(ctx, actor, missionId);
  requireSiteWrite(a, input.region);
  checkPlace(input.region, input.district);
  checkPoint(input.lat, input.lon);
  checkVisits(a.row.kind, input.visits);
  await refuseTakenCode(ctx, actor!, a, missionId, input.code);
  const id = uuidv7();
  const now = new Date().toISOString();
  await inTx(ctx, async (tx, audit) => {
    const taken = await tx
      .selectFrom('sites')
      .select('id')
      .where('mission_id', '=', missionId)
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (taken) throw new AppError('sites.code_taken', { fields: [{ path: 'code', code: 'invalid_value' }] });
    await tx
      .insertInto('sites')
      .values({
        id,
        mission_id: missionId,
        code: input.code,
        name: input.name,
        kind: input.kind ?? KIND_OF_MISSION[a.row.kind] ?? 'other',
        region: input.region,
        district: input.district ?? null,
        place: input.place ?? null,
        lat: input.lat ?? null,
        lon: input.lon ?? null,
        visits: input.visits ?? 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await audit({
      actorId: actor!.userId,
      action: 'monitoring.site_create',
      entityType: 'site',
      entityId: id,
    });
  });
  return id;
}

export async function updateSite(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  patch: z.infer<typeof S.SitePatch>,
): Promise<Site> {
  const { row, a } = await loadSite(ctx, actor, id);
  requireSiteWrite(a, row.region);
  const region = patch.region ?? row.region;
  const district = patch.district !== undefined ? patch.district : patch.region ? null : row.district;
  requireSiteWrite(a, region);
  checkPlace(region, district);
  checkPoint(patch.lat !== undefined ? patch.lat : row.lat, patch.lon !== undefined ? patch.lon : row.lon);
  checkVisits(a.row.kind, patch.visits);
  if (patch.code && patch.code !== row.code)
    await refuseTakenCode(ctx, actor!, a, row.mission_id, patch.code);
  await inTx(ctx, async (tx, audit) => {
    if (patch.code && patch.code !== row.code) {
      const taken = await tx
        .selectFrom('sites')
        .select('id')
        .where('mission_id', '=', row.mission_id)
        .where('code', '=', patch.code)
        .executeTakeFirst();
      if (taken)
        throw new AppError('sites.code_taken', { fields: [{ path: 'code', code: 'invalid_value' }] });
    }
    await tx
      .updateTable('sites')
      .set({
        ...(patch.code !== undefined ? { code: patch.code } : {}),
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.place !== undefined ? { place: patch.place } : {}),
        ...(patch.lat !== undefined ? { lat: patch.lat } : {}),
        ...(patch.lon !== undefined ? { lon: patch.lon } : {}),
        ...(patch.visits !== undefined ? { visits: patch.visits } : {}),
        region,
        district: district ?? null,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await audit({
      actorId: actor!.userId,
      action: 'monitoring.site_update',
      entityType: 'site',
      entityId: id,
      details: { fields: Object.keys(patch).sort().join(',') },
    });
  });
  const fresh = await ctx.db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return (await presentSites(ctx, [fresh], true))[0]!;
}

/** A site that already has reports keeps them: it cannot be deleted (its counts would go wrong). */
export async function deleteSite(ctx: AppContext, actor: Actor | null, id: string): Promise<void> {
  const { row, a } = await loadSite(ctx, actor, id);
  requireSiteWrite(a, row.region);
  await inTx(ctx, async (tx, audit) => {
    const used = await tx
      .selectFrom('submissions')
      .select('id')
      .where('site_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (used) throw new AppError('sites.has_submissions');
    await tx.deleteFrom('site_observers').where('site_id', '=', id).execute();
    await tx.deleteFrom('sites').where('id', '=', id).execute();
    await audit({
      actorId: actor!.userId,
      action: 'monitoring.site_delete',
      entityType: 'site',
      entityId: id,
    });
  });
}

export async function setSiteObservers(ctx: AppContext, actor: Actor | null, id: string, userIds: string[]) {
  const { row, a } = await loadSite(ctx, actor, id);
  requireSiteWrite(a, row.region);
  const unique = [...new Set(userIds)];
  const users = unique.length
    ? await ctx.db.selectFrom('users').select(['id', 'role', 'status']).where('id', 'in', unique).execute()
    : [];
  unique.forEach((uid, i) => {
    const u = users.find((x) => x.id === uid);
    if (!u || !mayObserve(u))
      throw new AppError('sites.observer_invalid', {
        fields: [{ path: `userIds.${i}`, code: 'invalid_value' }],
      });
  });
  await inTx(ctx, async (tx, audit) => {
    await tx.deleteFrom('site_observers').where('site_id', '=', id).execute();
    if (unique.length)
      await tx
        .insertInto('site_observers')
        .values(unique.map((user_id) => ({ site_id: id, user_id, mission_id: row.mission_id })))
        .execute();
    await audit({
      actorId: actor!.userId,
      action: 'monitoring.site_observers',
      entityType: 'site',
      entityId: id,
      details: { users: unique },
    });
  });
  return (await presentSites(ctx, [row], true))[0]!;
}
