import { sql } from 'kysely';
import type { z } from 'zod';
import { uuidv7 } from '../../../core/ids.ts';
import type { Role } from '../../../core/roles.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { capabilitiesOf, type Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import type { RecordKey } from '../../platform/crypto/envelope.ts';
import type { Executor, Tx } from '../../platform/db/db.ts';
import type { SubmissionsTable } from '../../platform/db/schema.monitoring.ts';
import { AppError } from '../../platform/errors.ts';
import { userNames } from '../users/users.names.ts';
import { notificationsRepo } from '../calendar/calendar.repo.ts';
import { queueAssignedEmail } from './assign.mail.ts';
import { triagesPublicReports } from './monitoring.access.ts';
import { addHistory, loadForReview, withReview } from './review.service.ts';
import { loadSubmission, presentSubmission } from './submissions.read.ts';
import type * as S from './submissions.schemas.ts';

/**
 * Giving a report to one reviewer (issue #5 review: on election day several people triage one
 * stream; an assignee says who takes it, and their "Mine" queue lists what is theirs). Only someone
 * who may review the report can be given it, by the same rule that lets them see it
 * (`submissionVisibleTo`): an administrator, or a coordinator of its mission for its region or the
 * whole mission (of a public report: of a mission marked as triaging them). The assignee gets a bell notice with codes only, as a critical alert has.
 */
export const ASSIGNED_NOTICE = 'monitoring.assigned';
/** The bell notice of several reports given to someone at once. */
export const ASSIGNED_MANY_NOTICE = 'monitoring.assigned_many';

type Row = Pick<SubmissionsTable, 'mission_id' | 'region'>;

/** Ids of the active users who may review the report. */
export async function reviewerIds(db: Executor, row: Row): Promise<string[]> {
  const users = await db
    .selectFrom('users as u')
    .select(['u.id', 'u.role'])
    .where('u.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('u.role', '=', 'admin'),
        eb.exists(
          eb
            .selectFrom('mission_coordinators as c')
            .select('c.id')
            .whereRef('c.user_id', '=', 'u.id')
            .where((w) => w.or([w('c.region', 'is', null), w('c.region', '=', row.region ?? '')]))
            .$if(row.mission_id !== null, (q) => q.where('c.mission_id', '=', row.mission_id!))
            .$if(row.mission_id === null, (q) => q.where(triagesPublicReports(sql.ref('c.mission_id')))),
        ),
      ]),
    )
    .execute();
  // A coordinator whose role lost the review right would be given a report they cannot open.
  return users.filter((u) => capabilitiesOf(u.role as Role).includes('monitoring.review')).map((u) => u.id);
}

/** Active users who may review the report, with names, sorted by name. */
async function reviewersOf(ctx: AppContext, row: Row) {
  return withNames(ctx, await reviewerIds(ctx.db, row));
}

/** People by id with their names, sorted by name. */
export async function withNames(ctx: AppContext, ids: string[]) {
  const names = await userNames(ctx, ids);
  return ids
    .map((id) => ({ id, name: names.get(id) ?? '—' }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The people this report may be given to (the pick list). */
export async function listReviewers(ctx: AppContext, actor: Actor | null, id: string) {
  const row = await loadForReview(ctx, actor, id);
  return reviewersOf(ctx, row);
}

/** Give the report to `userId`, or to nobody (null); someone else's live lock refuses it. */
export async function assignSubmission(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof S.AssignBody>,
) {
  await withReview(ctx, actor, id, async (tx, audit, row, key) => {
    const changed = await applyAssign(actor!, { id, row, key, to: input.userId }, tx, audit);
    // Told in the bell, unless they gave it to themselves.
    if (changed && input.userId && input.userId !== actor!.userId)
      await noticeAssigned(ctx, tx, input.userId, [{ id, row }]);
  });
  return presentSubmission(ctx, actor, await loadSubmission(ctx, actor, id));
}

/**
 * The assignment of one report inside its review transaction (`withReview`), with its history and
 * audit entries; false when it already had that assignee. The single and the batch path both use it.
 */
export async function applyAssign(
  actor: Actor,
  a: { id: string; row: SubmissionsTable; key: RecordKey; to: string | null },
  tx: Tx,
  audit: (e: AuditEntry) => Promise<void>,
): Promise<boolean> {
  const { id, row, to } = a;
  if (to === row.assigned_to) return false;
  // Only the ids: the names (decrypted per user) are for the pick list.
  if (to !== null && !(await reviewerIds(tx, row)).includes(to))
    throw new AppError('submissions.assignee_invalid', { fields: [{ path: 'userId', code: 'invalid' }] });
  await tx
    .updateTable('submissions')
    .set({ assigned_to: to, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
  await addHistory(tx, a.key, {
    submissionId: id,
    userId: actor.userId,
    action: to ? 'assign' : 'unassign',
    from: null,
    to: null,
    refId: to ?? row.assigned_to,
  });
  await audit({
    actorId: actor.userId,
    action: 'monitoring.submission_assign',
    entityType: 'submission',
    entityId: id,
    details: { from: row.assigned_to, to },
  });
  return true;
}

/** A batch given within this many minutes of an unread batch notice is added to it. */
export const ASSIGNED_MERGE_MINUTES = 5;

/**
 * The bell notice for reports given to `to` by someone else: codes only, as a critical alert has.
 * One report names its site and region; a batch is one line with its count, not one per report, and
 * a batch that follows an unread batch notice of the last minutes is added to it (the web sends a
 * large selection 100 at a time: 450 reports must make one notice, not five).
 */
export async function noticeAssigned(
  ctx: AppContext,
  db: Executor,
  to: string,
  given: { id: string; row: SubmissionsTable }[],
): Promise<void> {
  const first = given[0];
  if (!first) return;
  const at = new Date().toISOString();
  if (given.length > 1) {
    const open = await db
      .selectFrom('notifications')
      .select(['id', 'params'])
      .where('user_id', '=', to)
      .where('kind', '=', ASSIGNED_MANY_NOTICE)
      .where('read_at', 'is', null)
      .where('created_at', '>=', new Date(Date.now() - ASSIGNED_MERGE_MINUTES * 60_000).toISOString())
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    const before = open ? Number((JSON.parse(open.params) as { count?: unknown }).count) : NaN;
    if (open && Number.isInteger(before)) {
      await db
        .updateTable('notifications')
        .set({ params: JSON.stringify({ count: before + given.length, at }), created_at: at })
        .where('id', '=', open.id)
        .execute();
      return;
    }
  }
  let params: Record<string, unknown> = { count: given.length, at };
  if (given.length === 1) {
    const { id, row } = first;
    const site = row.site_id
      ? await db.selectFrom('sites').select('code').where('id', '=', row.site_id).executeTakeFirst()
      : undefined;
    params = { submissionId: id, region: row.region, site: site?.code ?? null, at };
  }
  const noticeId = uuidv7();
  const added = await notificationsRepo.insertOnce(db, {
    id: noticeId,
    user_id: to,
    kind: given.length === 1 ? ASSIGNED_NOTICE : ASSIGNED_MANY_NOTICE,
    entity_type: 'submission',
    entity_id: first.id,
    params: JSON.stringify(params),
    created_at: at,
    read_at: null,
  });
  if (added) await queueAssignedEmail(ctx, db, noticeId);
}
