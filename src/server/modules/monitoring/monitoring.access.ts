import { sql, type Expression, type SqlBool } from 'kysely';
import { REGION_CODES } from '../../../core/geo/regions.ts';
import { can, requireCap, type Actor } from '../../platform/access/policy.ts';
import { auditNow, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import type { MissionsTable, SubmissionsTable } from '../../platform/db/schema.monitoring.ts';
import { AppError } from '../../platform/errors.ts';
import { registerFormVersionReader } from './forms.access.ts';

/**
 * Need-to-know of monitoring (issue #5, the contract's "Roles and access"):
 * - an administrator sees every mission;
 * - a coordinator sees a mission where they are in `mission_coordinators`: region NULL = the whole
 *   mission, otherwise only that region's sites, submissions and summary rows;
 * - an observer sees the missions and sites they are assigned to, and only their own submissions.
 * Anything else answers like a missing record. Observers never reach legal or violation records: their
 * role has no `cases.read`/`violations.read` (policy.ts), so those routes refuse them at the gate.
 */
export type Scope = { kind: 'all' } | { kind: 'regions'; regions: string[] } | { kind: 'observer' };

export async function missionScope(db: Executor, actor: Actor, missionId: string): Promise<Scope | null> {
  if (actor.role === 'admin') return { kind: 'all' };
  if (can(actor, 'monitoring.review')) {
    const rows = await db
      .selectFrom('mission_coordinators')
      .select('region')
      .where('mission_id', '=', missionId)
      .where('user_id', '=', actor.userId)
      .execute();
    if (rows.some((r) => r.region === null)) return { kind: 'all' };
    if (rows.length) return { kind: 'regions', regions: rows.map((r) => r.region!) };
  }
  if (can(actor, 'monitoring.submit')) {
    const a = await db
      .selectFrom('site_observers')
      .select('site_id')
      .where('mission_id', '=', missionId)
      .where('user_id', '=', actor.userId)
      .limit(1)
      .executeTakeFirst();
    if (a) return { kind: 'observer' };
  }
  return null;
}

export interface MissionAccess {
  row: MissionsTable;
  scope: Scope;
}

/** The mission and how much of it the actor sees, or `missions.not_found`. */
export async function loadMission(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  db: Executor = ctx.db,
): Promise<MissionAccess> {
  requireCap(actor, 'monitoring.submit');
  const row = await db.selectFrom('missions').selectAll().where('id', '=', id).executeTakeFirst();
  const scope = row ? await missionScope(db, actor, id) : null;
  // Inside a transaction the entry would roll back with the refusal (callers check first, outside).
  if (row && !scope && db === ctx.db) await accessDenied(ctx, actor, 'mission', id);
  if (!row || !scope) throw new AppError('missions.not_found');
  return { row, scope };
}

/**
 * A record that exists but is outside the caller's need to know (SECURITY.md: "denied, logged"): the
 * caller is told it does not exist, and the audit log says who tried. Ids only, as every entry.
 */
export async function accessDenied(
  ctx: AppContext,
  actor: Actor,
  entityType: 'mission' | 'site' | 'submission',
  entityId: string,
): Promise<void> {
  await auditNow(ctx, {
    actorId: actor.userId,
    action: 'monitoring.access_denied',
    entityType,
    entityId,
    details: {},
  });
}

/** Reviewers only (observers of the mission get the same answer as a stranger). */
export function requireReviewer(a: MissionAccess): void {
  if (a.scope.kind === 'observer') throw new AppError('missions.not_found');
}

/** Changes to the mission itself (forms, coordinators, status) need the whole mission. */
export function requireWholeMission(actor: Actor, a: MissionAccess): void {
  requireReviewer(a);
  if (a.scope.kind !== 'all' || !can(actor, 'monitoring.review')) throw new AppError('auth.forbidden');
}

/** Whether a region (of a site or submission) lies inside a reviewer scope. */
export function regionInScope(scope: Scope, region: string | null): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'regions') return region !== null && scope.regions.includes(region);
  return false;
}

/** Missions (alias `m`) the actor may see: the base of the missions list. */
export function missionVisibleTo(actor: Actor, missionId: string): Expression<SqlBool> {
  if (actor.role === 'admin') return sql<SqlBool>`1 = 1`;
  const parts = [];
  if (can(actor, 'monitoring.review'))
    parts.push(
      sql`exists (select 1 from mission_coordinators vc where vc.mission_id = ${sql.ref(missionId)} and vc.user_id = ${actor.userId})`,
    );
  parts.push(
    sql`exists (select 1 from site_observers vo where vo.mission_id = ${sql.ref(missionId)} and vo.user_id = ${actor.userId})`,
  );
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/**
 * Submissions (alias `s`) the actor may see. A coordinator sees their missions (by region when they
 * coordinate a region); public reports (no mission) only through a mission an administrator marked as
 * triaging them (`public_reports`), for the regions they coordinate there (any region when they
 * coordinate all of it). Not through any mission: a coordinator may create one, and would then see every
 * region's public reports. Everyone sees their own.
 */
export function submissionVisibleTo(actor: Actor): Expression<SqlBool> {
  if (actor.role === 'admin') return sql<SqlBool>`1 = 1`;
  const own = sql`s.observer_id = ${actor.userId}`;
  if (!can(actor, 'monitoring.review')) return sql<SqlBool>`${own}`;
  return sql<SqlBool>`(${own} or exists (select 1 from mission_coordinators sc where sc.user_id = ${actor.userId} and (sc.region is null or sc.region = s.region) and (sc.mission_id = s.mission_id or (s.mission_id is null and ${triagesPublicReports(sql.ref('sc.mission_id'))}))))`;
}

/**
 * Whether the actor reviews this submission, not only sees it: an administrator, or a coordinator of
 * its part of its mission (of a mission triaging public reports, for one of those). A coordinator
 * sent as an observer elsewhere sees their own report there as an observer does.
 */
export async function reviewsSubmission(
  db: Executor,
  actor: Actor,
  row: { mission_id: string | null; region: string | null },
): Promise<boolean> {
  if (actor.role === 'admin') return true;
  if (!can(actor, 'monitoring.review')) return false;
  let q = db
    .selectFrom('mission_coordinators')
    .select('id')
    .where('user_id', '=', actor.userId)
    .where((eb) => eb.or([eb('region', 'is', null), eb('region', '=', row.region ?? '')]));
  q = row.mission_id
    ? q.where('mission_id', '=', row.mission_id)
    : q.where(triagesPublicReports(sql.ref('mission_id')));
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}

/**
 * The regions the actor may place this report in: none for a report with a site, else those where
 * they would still review it (asked of the access rule itself, region by region: nine small lookups,
 * only for the page of a public report). The report's page offers exactly these.
 */
export async function placeRegions(
  db: Executor,
  actor: Actor,
  row: Pick<SubmissionsTable, 'site_id' | 'mission_id'>,
): Promise<string[]> {
  if (row.site_id !== null) return [];
  const ok = await Promise.all(
    REGION_CODES.map((region) => reviewsSubmission(db, actor, { mission_id: row.mission_id, region })),
  );
  return REGION_CODES.filter((_, i) => ok[i]);
}

/**
 * Whether a reader of this submission (one who may see it) also sees its review — comments, lock,
 * flags, reviewers' names: a reviewer does, except on their own report where they do not review it.
 */
export async function seesReview(
  db: Executor,
  actor: Actor,
  row: { observer_id: string | null; mission_id: string | null; region: string | null },
): Promise<boolean> {
  if (row.observer_id === actor.userId) return reviewsSubmission(db, actor, row);
  return can(actor, 'monitoring.review');
}

/** Whether the mission (a column reference) is marked as triaging public reports. */
export function triagesPublicReports(missionId: Expression<unknown>): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from missions pm where pm.id = ${missionId} and pm.public_reports = 1)`;
}

/** Whether the actor assigned to a site through a mission that uses this form version. */
export async function readsFormVersion(db: Executor, actor: Actor, versionId: string): Promise<boolean> {
  const r = await db
    .selectFrom('site_observers as so')
    .innerJoin('mission_forms as mf', 'mf.mission_id', 'so.mission_id')
    .select('so.site_id')
    .where('so.user_id', '=', actor.userId)
    .where('mf.form_version_id', '=', versionId)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

// Observers read the form versions of the missions they are assigned to (the field app downloads them).
registerFormVersionReader((ctx, actor, versionId) => readsFormVersion(ctx.db, actor, versionId));
