import type { z } from 'zod';
import { uuidv7 } from '../../../core/ids.ts';
import { can, requireCap, type Actor } from '../../platform/access/policy.ts';
import { inTx, type AppContext } from '../../platform/context.ts';
import type { MissionsTable } from '../../platform/db/schema.monitoring.ts';
import { AppError } from '../../platform/errors.ts';
import { namedExportNeedsApproval } from '../approvals/export-approval.ts';
import { userNames } from '../users/users.names.ts';
import { loadMission, missionVisibleTo, requireWholeMission, type Scope } from './monitoring.access.ts';
import { scheduleVerifiedCounts, verifiedCounted } from './counts.verified.job.ts';
import type * as S from './missions.schemas.ts';
import { publishedVersion, type CachedVersion } from './submissions.forms.ts';
import { countedSum, receivedPairs } from './sites.status.ts';

type MissionView = z.infer<typeof S.Mission>;
type Item = z.infer<typeof S.MissionSummaryItem>;
type DateField = 'startsOn' | 'endsOn';

/**
 * A mission may not end before it starts (ending on its first day is fine). `named` is the field the
 * request changed, so the form can put the message under it.
 */
function datesInOrder(startsOn: string | null, endsOn: string | null, named: DateField): void {
  if (startsOn && endsOn && endsOn < startsOn) throw datesOrder(named);
}
const datesOrder = (named: DateField) =>
  new AppError('missions.dates_order', {
    fields: [{ path: named, code: named === 'endsOn' ? 'before_start' : 'after_end' }],
  });

/** Sites and received checklists of a mission inside the caller's part of it (one grouped read each). */
async function tallies(ctx: AppContext, actor: Actor, missionIds: string[], scopes: Map<string, Scope>) {
  if (missionIds.length === 0) return new Map<string, { sites: number; received: number }>();
  const [sites, received, mine] = await Promise.all([
    ctx.db
      .selectFrom('sites')
      .select(['mission_id', 'region', (eb) => eb.fn.countAll<number>().as('n')])
      .where('mission_id', 'in', missionIds)
      .groupBy(['mission_id', 'region'])
      .execute(),
    // Counted as the dashboard counts them (sites.status.ts), so the two never disagree.
    receivedPairs(ctx.db, missionIds)
      .select(['c.mission_id', 's.region', (eb) => countedSum(eb).as('n')])
      .groupBy(['c.mission_id', 's.region'])
      .execute(),
    ctx.db
      .selectFrom('site_observers')
      .select(['mission_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('user_id', '=', actor.userId)
      .where('mission_id', 'in', missionIds)
      .groupBy('mission_id')
      .execute(),
  ]);
  const inScope = (m: string, region: string) => {
    const s = scopes.get(m);
    return s?.kind === 'all' || (s?.kind === 'regions' && s.regions.includes(region));
  };
  const out = new Map(missionIds.map((id) => [id, { sites: 0, received: 0 }]));
  for (const r of sites) if (inScope(r.mission_id, r.region)) out.get(r.mission_id)!.sites += Number(r.n);
  for (const r of received)
    if (inScope(r.mission_id, r.region)) out.get(r.mission_id)!.received += Number(r.n);
  for (const r of mine)
    if (scopes.get(r.mission_id)?.kind === 'observer') out.get(r.mission_id)!.sites = Number(r.n);
  // An observer's "received" is the checklists they sent themselves (rejected ones count nowhere).
  const observing = missionIds.filter((m) => scopes.get(m)?.kind === 'observer');
  if (observing.length) {
    const own = await ctx.db
      .selectFrom('submissions')
      .select(['mission_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('observer_id', '=', actor.userId)
      .where('mission_id', 'in', observing)
      .where('form_kind', '=', 'checklist')
      .where('status', '!=', 'rejected')
      .groupBy('mission_id')
      .execute();
    for (const r of own) if (r.mission_id) out.get(r.mission_id)!.received = Number(r.n);
  }
  return out;
}

function item(r: MissionsTable, t: { sites: number; received: number }): Item {
  return {
    id: r.id,
    kind: r.kind as Item['kind'],
    title: r.title,
    status: r.status as Item['status'],
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    public: r.public === 1,
    ...t,
  };
}

export async function listMissions(ctx: AppContext, actor: Actor | null): Promise<{ items: Item[] }> {
  requireCap(actor, 'monitoring.submit');
  const rows = await ctx.db
    .selectFrom('missions as m')
    .selectAll('m')
    .where(missionVisibleTo(actor, 'm.id'))
    .orderBy('m.created_at', 'desc')
    .execute();
  const scopes = new Map<string, Scope>();
  // A coordinator row outlives a role change (users keep them when demoted): it counts only while the
  // role still reviews, as in `missionScope`, or a former coordinator would read the mission's figures.
  const reviews = can(actor, 'monitoring.review');
  const coord = reviews
    ? await ctx.db
        .selectFrom('mission_coordinators')
        .select(['mission_id', 'region'])
        .where('user_id', '=', actor.userId)
        .execute()
    : [];
  for (const r of rows) {
    const mine = coord.filter((c) => c.mission_id === r.id);
    scopes.set(
      r.id,
      actor.role === 'admin' || mine.some((c) => c.region === null)
        ? { kind: 'all' }
        : mine.length
          ? { kind: 'regions', regions: mine.map((c) => c.region!) }
          : { kind: 'observer' },
    );
  }
  const t = await tallies(
    ctx,
    actor,
    rows.map((r) => r.id),
    scopes,
  );
  return { items: rows.map((r) => item(r, t.get(r.id)!)) };
}

export async function createMission(
  ctx: AppContext,
  actor: Actor | null,
  input: z.infer<typeof S.MissionCreate>,
): Promise<string> {
  requireCap(actor, 'monitoring.review');
  datesInOrder(input.startsOn ?? null, input.endsOn ?? null, 'endsOn');
  const id = uuidv7();
  const now = new Date().toISOString();
  await inTx(ctx, async (tx, audit) => {
    await tx
      .insertInto('missions')
      .values({
        id,
        kind: input.kind,
        title: input.title,
        description: input.description || null,
        status: 'draft',
        starts_on: input.startsOn ?? null,
        ends_on: input.endsOn ?? null,
        public: 0,
        public_reports: 0,
        public_counts: 'received',
        field_pin: 0,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    // The creator coordinates the whole mission (contract), so they can go on setting it up; without an
    // administrator behind it that grant shows no observer's phone number (ADR 0025).
    await tx
      .insertInto('mission_coordinators')
      .values({
        id: uuidv7(),
        mission_id: id,
        user_id: actor.userId,
        region: null,
        appointed: actor.role === 'admin' ? 1 : 0,
      })
      .execute();
    await audit({
      actorId: actor.userId,
      action: 'monitoring.mission_create',
      entityType: 'mission',
      entityId: id,
    });
  });
  return id;
}

export async function getMission(ctx: AppContext, actor: Actor | null, id: string): Promise<MissionView> {
  const a = await loadMission(ctx, actor, id);
  const [t, forms, coordinators, approval] = await Promise.all([
    tallies(ctx, actor!, [id], new Map([[id, a.scope]])),
    ctx.db.selectFrom('mission_forms').selectAll().where('mission_id', '=', id).orderBy('position').execute(),
    ctx.db.selectFrom('mission_coordinators').selectAll().where('mission_id', '=', id).execute(),
    // Only reviewers see the export panel; an observer is not told how many administrators there are.
    a.scope.kind === 'observer' ? true : namedExportNeedsApproval(ctx.db, actor!),
  ]);
  const names = await userNames(
    ctx,
    coordinators.map((c) => c.user_id),
  );
  const formViews = [];
  for (const f of forms) {
    const v = await publishedVersion(ctx.db, f.form_version_id);
    if (v)
      formViews.push({
        formId: f.form_id,
        formVersionId: f.form_version_id,
        title: v.title,
        kind: v.kind,
        groups: v.flat
          .filter((x) => x.type === 'repeat')
          .map((x) => ({ key: x.key, label: x.label ?? { ky: x.key, ru: x.key, en: x.key } })),
      });
  }
  return {
    ...item(a.row, t.get(id)!),
    description: a.row.description,
    publicCounts: a.row.public_counts === 'verified' ? 'verified' : 'received',
    publicReports: a.row.public_reports === 1,
    fieldPin: a.row.field_pin === 1,
    scope: a.scope.kind,
    regions: a.scope.kind === 'regions' ? a.scope.regions : [],
    forms: formViews,
    // An observer does not need to know who coordinates (names only for reviewers).
    coordinators:
      a.scope.kind === 'observer'
        ? []
        : coordinators.map((c) => ({
            userId: c.user_id,
            name: names.get(c.user_id) ?? '—',
            region: c.region,
            appointed: c.appointed === 1,
          })),
    namedExportApproval: approval,
  };
}

export async function updateMission(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  patch: z.infer<typeof S.MissionPatch>,
): Promise<MissionView> {
  const a = await loadMission(ctx, actor, id);
  requireWholeMission(actor!, a);
  // Public reports cross every mission: who triages them is an administrator's choice (monitoring.access.ts).
  const publicReports = patch.publicReports === undefined ? undefined : patch.publicReports ? 1 : 0;
  if (publicReports !== undefined && publicReports !== a.row.public_reports && actor!.role !== 'admin')
    throw new AppError('missions.public_reports_admin');
  // Anyone who runs the mission may ask for locked phones; only an administrator may stop asking.
  const fieldPin = patch.fieldPin === undefined ? undefined : patch.fieldPin ? 1 : 0;
  if (fieldPin === 0 && a.row.field_pin === 1 && actor!.role !== 'admin')
    throw new AppError('missions.field_pin_admin');
  // Verified figures are published only once they are complete (counts.verified.job.ts): meanwhile the
  // counting is started at once rather than at the next hourly check, and the change is refused.
  if (
    patch.publicCounts === 'verified' &&
    a.row.public_counts !== 'verified' &&
    !(await verifiedCounted(ctx.db))
  ) {
    await scheduleVerifiedCounts(ctx);
    throw new AppError('missions.verified_counting', {
      fields: [{ path: 'publicCounts', code: 'invalid_value' }],
    });
  }
  const named: DateField = patch.endsOn !== undefined ? 'endsOn' : 'startsOn';
  const startsOn = patch.startsOn !== undefined ? patch.startsOn : a.row.starts_on;
  const endsOn = patch.endsOn !== undefined ? patch.endsOn : a.row.ends_on;
  datesInOrder(startsOn, endsOn, named);
  await inTx(ctx, async (tx, audit) => {
    let update = tx
      .updateTable('missions')
      .set({
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.description !== undefined ? { description: patch.description || null } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.startsOn !== undefined ? { starts_on: patch.startsOn } : {}),
        ...(patch.endsOn !== undefined ? { ends_on: patch.endsOn } : {}),
        ...(patch.public !== undefined ? { public: patch.public ? 1 : 0 } : {}),
        ...(patch.publicCounts !== undefined ? { public_counts: patch.publicCounts } : {}),
        ...(publicReports !== undefined ? { public_reports: publicReports } : {}),
        ...(fieldPin !== undefined ? { field_pin: fieldPin } : {}),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id);
    // The date the patch keeps is checked again in the same statement: a concurrent change of the
    // other date between the read above and this write cannot leave the mission ending before it starts.
    if (patch.startsOn && patch.endsOn === undefined)
      update = update.where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', patch.startsOn!)]));
    if (patch.endsOn && patch.startsOn === undefined)
      update = update.where((eb) =>
        eb.or([eb('starts_on', 'is', null), eb('starts_on', '<=', patch.endsOn!)]),
      );
    const r = await update.executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw datesOrder(named);
    await audit({
      actorId: actor!.userId,
      action: 'monitoring.mission_update',
      entityType: 'mission',
      entityId: id,
      // What the public page counts is said too: it decides what the public is shown.
      details: {
        fields: Object.keys(patch).sort().join(','),
        ...(patch.publicCounts ? { publicCounts: patch.publicCounts } : {}),
      },
    });
  });
  return getMission(ctx, actor, id);
}

/** The forms of a mission: published versions only (a submission keeps its version forever). */
export async function setMissionForms(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  versionIds: string[],
) {
  const a = await loadMission(ctx, actor, id);
  requireWholeMission(actor!, a);
  const unique = [...new Set(versionIds)];
  const versions: CachedVersion[] = [];
  for (const [i, v] of unique.entries()) {
    const pv = await publishedVersion(ctx.db, v);
    if (!pv)
      throw new AppError('missions.form_not_published', {
        fields: [{ path: `formVersionIds.${i}`, code: 'invalid_value' }],
      });
    // Two versions of one form would each be expected at every site (coverage halved) while the
    // counters count checklists per form: a newer version replaces the older one instead.
    if (versions.some((x) => x.formId === pv.formId))
      throw new AppError('missions.form_twice', {
        fields: [{ path: `formVersionIds.${i}`, code: 'invalid_value' }],
      });
    versions.push(pv);
  }
  await inTx(ctx, async (tx, audit) => {
    await tx.deleteFrom('mission_forms').where('mission_id', '=', id).execute();
    if (versions.length)
      await tx
        .insertInto('mission_forms')
        .values(
          versions.map((v, position) => ({
            mission_id: id,
            form_version_id: v.id,
            form_id: v.formId,
            form_kind: v.kind,
            position,
          })),
        )
        .execute();
    await audit({
      actorId: actor!.userId,
      action: 'monitoring.mission_forms',
      entityType: 'mission',
      entityId: id,
      details: { versions: versions.map((v) => v.id) },
    });
  });
  return getMission(ctx, actor, id);
}
