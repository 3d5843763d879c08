import type { z } from 'zod';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { auditNow, envelope, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import type { SubmissionsTable } from '../../platform/db/schema.monitoring.ts';
import { AppError } from '../../platform/errors.ts';
import { userNames } from '../users/users.names.ts';
import { accessDenied, placeRegions, seesReview, submissionVisibleTo } from './monitoring.access.ts';
import type { Change } from './review.correct.ts';
import { duplicateLinks } from './review.duplicates.ts';
import { submissionFiles } from './submissions.files.ts';
import { translationsOf } from './submissions.translations.ts';
import type * as S from './submissions.schemas.ts';

type View = z.infer<typeof S.SubmissionView>;
type Status = View['status'];

/** The submission if the actor may see it (contract: observers their own, coordinators their part). */
export async function loadSubmission(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  tx?: Executor,
): Promise<SubmissionsTable> {
  requireCap(actor, 'monitoring.submit');
  const row = await (tx ?? ctx.db)
    .selectFrom('submissions as s')
    .selectAll('s')
    .where('s.id', '=', id)
    .where(submissionVisibleTo(actor))
    .executeTakeFirst();
  if (row) return row;
  // Someone else's report (another observer's, another region's) is logged as a refusal; inside a
  // transaction the entry would roll back with it (the change's callers check first, outside).
  if (!tx) {
    const there = await ctx.db.selectFrom('submissions').select('id').where('id', '=', id).executeTakeFirst();
    if (there) await accessDenied(ctx, actor, 'submission', id);
  }
  throw new AppError('submissions.not_found');
}

export const flagsOf = (r: SubmissionsTable) => ({
  translate: r.flag_translate === 1,
  geolocate: r.flag_geolocate === 1,
  verify: r.flag_verify === 1,
  urgent: r.flag_urgent === 1,
});

// History entries that name a person in `ref_id` (review.assign.ts).
const ASSIGNING = new Set(['assign', 'unassign']);

/** A live lock (someone reviewing it now), or null. */
export function liveLock(r: Pick<SubmissionsTable, 'locked_by' | 'locked_until'>, now = Date.now()) {
  return r.locked_by && r.locked_until && Date.parse(r.locked_until) > now
    ? { userId: r.locked_by, until: r.locked_until }
    : null;
}

/**
 * The submission as its reader may see it. `internal` false (an observer reading their own report):
 * the review stays the reviewers' — no comments, lock, assignee, triage flags or records made of it,
 * and the history only says when its state changed (with the reason of a rejection, which they may
 * act on), never who reviewed it: the mission page keeps coordinators' names from observers too.
 */
export async function presentSubmission(
  ctx: AppContext,
  actor: Actor | null,
  row: SubmissionsTable,
  internal = true,
): Promise<View> {
  const key = envelope(ctx).openRecordKey('submissions', row.id, row.dek);
  const [history, comments, site, mission, dupes, placeable, translations] = await Promise.all([
    ctx.db
      .selectFrom('submission_history')
      .selectAll()
      .where('submission_id', '=', row.id)
      .orderBy('at')
      .orderBy('id')
      .execute(),
    // An observer's view has no comments: they are not even read, let alone decrypted.
    internal
      ? ctx.db
          .selectFrom('submission_comments')
          .selectAll()
          .where('submission_id', '=', row.id)
          .orderBy('at')
          .orderBy('id')
          .execute()
      : [],
    row.site_id
      ? ctx.db.selectFrom('sites').select(['code', 'name']).where('id', '=', row.site_id).executeTakeFirst()
      : undefined,
    // By the report's own mission, not its site's: a report with a mission but no site is worded too.
    row.mission_id
      ? ctx.db
          .selectFrom('missions')
          .select(['kind', 'title'])
          .where('id', '=', row.mission_id)
          .executeTakeFirst()
      : undefined,
    internal ? duplicateLinks(ctx, actor!, row) : { duplicateOf: null, duplicates: [] },
    internal ? placeRegions(ctx.db, actor!, row) : [],
    // Reviewers' translations (review.translate.ts): the review's, so not in an observer's view.
    internal ? translationsOf(ctx.db, row.id, key) : [],
  ]);
  const answers = JSON.parse(key.decrypt('answers', row.answers)) as Record<string, unknown>;
  const files = await submissionFiles(ctx, row, answers);
  const lock = liveLock(row);
  // Reviewers' names are decrypted only for a reader who sees them; an observer, only their own.
  const observer = row.observer_id ? [row.observer_id] : [];
  const names = await userNames(
    ctx,
    internal
      ? [
          ...observer,
          ...(lock ? [lock.userId] : []),
          ...history.flatMap((h) => (h.user_id ? [h.user_id] : [])),
          ...history.flatMap((h) => (ASSIGNING.has(h.action) && h.ref_id ? [h.ref_id] : [])),
          ...comments.map((c) => c.user_id),
          ...translations.map((tr) => tr.userId),
          ...(row.assigned_to ? [row.assigned_to] : []),
        ]
      : observer,
  );
  const name = (id: string | null) => (id ? (names.get(id) ?? '—') : null);
  const view = {
    id: row.id,
    clientId: row.client_id,
    missionId: row.mission_id,
    siteId: row.site_id,
    site: site ? { code: site.code, name: site.name } : null,
    missionKind: mission?.kind ?? null,
    missionTitle: mission?.title ?? null,
    formVersionId: row.form_version_id,
    formId: row.form_id,
    formKind: row.form_kind,
    observerId: row.observer_id,
    observerName: name(row.observer_id),
    source: row.source as View['source'],
    status: row.status as Status,
    critical: row.critical === 1,
    flags: flagsOf(row),
    answers,
    files,
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
    region: row.region,
    district: row.district,
    violationEventId: row.violation_event_id,
    caseId: row.case_id,
    lock: lock ? { ...lock, name: name(lock.userId)! } : null,
    assignee: row.assigned_to ? { id: row.assigned_to, name: name(row.assigned_to)! } : null,
    ...dupes,
    placeRegions: placeable,
    translations: translations.map((tr) => ({ ...tr, name: name(tr.userId) ?? '—' })),
    // The first entry is the arrival itself (not stored as a row: the write path stays lean).
    history: [
      {
        at: row.received_at,
        userId: row.observer_id,
        name: name(row.observer_id),
        action: 'received',
        from: null,
        to: 'received',
        reason: null,
        refId: null,
        refName: null,
      },
      ...history.map((h) => ({
        at: h.at,
        userId: h.user_id,
        name: name(h.user_id),
        action: h.action,
        from: h.from_status,
        to: h.to_status,
        // An observer reads only the reason of a rejection (they may act on it).
        reason:
          h.reason_enc && (internal || h.to_status === 'rejected')
            ? key.decrypt(`reason:${h.id}`, h.reason_enc)
            : null,
        refId: h.ref_id,
        refName: ASSIGNING.has(h.action) ? name(h.ref_id) : null,
        // A reviewer's correction: each answer before and after (review.correct.ts).
        ...(h.action === 'correct' && h.detail_enc
          ? { changes: JSON.parse(key.decrypt(`detail:${h.id}`, h.detail_enc)) as Change[] }
          : {}),
      })),
    ],
    comments: comments.map((c) => ({
      id: c.id,
      at: c.at,
      userId: c.user_id,
      name: name(c.user_id)!,
      body: key.decrypt(`comment:${c.id}`, c.body_enc),
    })),
  };
  if (internal) return view;
  const own = (id: string | null) => (id !== null && id === row.observer_id ? name(id) : null);
  // A report rejected as the copy of the observer's own other report (sent twice, from two phones)
  // keeps the link to it: they may open that one anyway, and it tells them nothing was lost. A copy
  // of someone else's report shows no link: observers never learn of others' reports (ADR 0026).
  const ownOriginal =
    row.duplicate_of && row.observer_id
      ? (
          await ctx.db
            .selectFrom('submissions')
            .select('id')
            .where('id', '=', row.duplicate_of)
            .where('observer_id', '=', row.observer_id)
            .executeTakeFirst()
        )?.id
      : undefined;
  return {
    ...view,
    flags: { translate: false, geolocate: false, verify: false, urgent: false },
    violationEventId: null,
    caseId: null,
    lock: null,
    assignee: null,
    comments: [],
    translations: [],
    history: view.history
      // An observer also sees that a reviewer corrected their answers, and what to (not who or why).
      .filter((h) => h.action === 'received' || h.action === 'transition' || h.action === 'correct')
      .map((h) => ({
        ...h,
        userId: own(h.userId) === null ? null : h.userId,
        name: own(h.userId),
        reason: h.to === 'rejected' ? h.reason : null,
        refId: ownOriginal && h.to === 'rejected' && h.refId === ownOriginal ? ownOriginal : null,
        refName: null,
      })),
  };
}

export async function getSubmission(ctx: AppContext, actor: Actor | null, id: string): Promise<View> {
  const row = await loadSubmission(ctx, actor, id);
  await auditNow(ctx, {
    actorId: actor!.userId,
    action: 'monitoring.submission_read',
    entityType: 'submission',
    entityId: id,
  });
  return presentSubmission(ctx, actor, row, await seesReview(ctx.db, actor!, row));
}
