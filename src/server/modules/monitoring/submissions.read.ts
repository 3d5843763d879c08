import type { z } from 'zod';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { auditNow, envelope, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import type { SubmissionsTable } from '../../platform/db/schema.monitoring.ts';
import { AppError } from '../../platform/errors.ts';
import { userNames } from '../users/users.names.ts';
import { seesReview, submissionVisibleTo } from './monitoring.access.ts';
import { copiesOf, duplicateLinks } from './review.duplicates.ts';
import { submissionFiles } from './submissions.files.ts';
import { publishedVersion } from './submissions.forms.ts';
import type * as S from './submissions.schemas.ts';

type View = z.infer<typeof S.SubmissionView>;
type Status = View['status'];
const PAGE = 50;

/** The submission if the actor may see it (contract: observers their own, coordinators their part). */
export async function loadSubmission(
  db: Executor,
  actor: Actor | null,
  id: string,
): Promise<SubmissionsTable> {
  requireCap(actor, 'monitoring.submit');
  const row = await db
    .selectFrom('submissions as s')
    .selectAll('s')
    .where('s.id', '=', id)
    .where(submissionVisibleTo(actor))
    .executeTakeFirst();
  if (!row) throw new AppError('submissions.not_found');
  return row;
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
  const [history, comments, site, mission, dupes] = await Promise.all([
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
      ? ctx.db.selectFrom('missions').select('kind').where('id', '=', row.mission_id).executeTakeFirst()
      : undefined,
    internal ? duplicateLinks(ctx, actor!, row) : { duplicateOf: null, duplicates: [] },
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
  return {
    ...view,
    flags: { translate: false, geolocate: false, verify: false, urgent: false },
    violationEventId: null,
    caseId: null,
    lock: null,
    assignee: null,
    comments: [],
    history: view.history
      .filter((h) => h.action === 'received' || h.action === 'transition')
      .map((h) => ({
        ...h,
        userId: own(h.userId) === null ? null : h.userId,
        name: own(h.userId),
        reason: h.to === 'rejected' ? h.reason : null,
        refId: null,
        refName: null,
      })),
  };
}

export async function getSubmission(ctx: AppContext, actor: Actor | null, id: string): Promise<View> {
  const row = await loadSubmission(ctx.db, actor, id);
  await auditNow(ctx, {
    actorId: actor!.userId,
    action: 'monitoring.submission_read',
    entityType: 'submission',
    entityId: id,
  });
  return presentSubmission(ctx, actor, row, await seesReview(ctx.db, actor!, row));
}

/**
 * The submissions (alias `s`) a list filter matches, among those the actor may see: the one filter of
 * the review list and of "select every report that matches" (review.bulk.ts), so both always agree.
 */
export function filteredSubmissions(
  ctx: AppContext,
  actor: Actor,
  q: Omit<z.infer<typeof S.SubmissionsQuery>, 'page'>,
) {
  let base = ctx.db.selectFrom('submissions as s').where(submissionVisibleTo(actor));
  if (q.missionId) base = base.where('s.mission_id', '=', q.missionId);
  if (q.status) base = base.where('s.status', '=', q.status);
  if (q.region) base = base.where('s.region', '=', q.region);
  if (q.siteId) base = base.where('s.site_id', '=', q.siteId);
  if (q.critical) base = base.where('s.critical', '=', Number(q.critical));
  if (q.source) base = base.where('s.source', '=', q.source);
  if (q.queue) base = base.where(`s.flag_${q.queue}`, '=', 1);
  if (q.assignee === 'me') base = base.where('s.assigned_to', '=', actor.userId);
  return base;
}

/** Review queues and lists; an observer gets only their own (the visibility rule does it). */
export async function listSubmissions(
  ctx: AppContext,
  actor: Actor | null,
  q: z.infer<typeof S.SubmissionsQuery>,
): Promise<z.infer<typeof S.SubmissionList>> {
  requireCap(actor, 'monitoring.submit');
  const page = q.page ?? 1;
  const base = filteredSubmissions(ctx, actor, q);
  const [rows, total] = await Promise.all([
    base
      .leftJoin('sites as st', 'st.id', 's.site_id')
      .select([
        's.id',
        's.mission_id',
        's.site_id',
        's.form_version_id',
        's.form_kind',
        's.status',
        's.critical',
        's.flag_translate',
        's.flag_geolocate',
        's.flag_verify',
        's.flag_urgent',
        's.region',
        's.received_at',
        's.observer_id',
        's.source',
        's.locked_by',
        's.assigned_to',
        's.locked_until',
        'st.name as site_name',
      ])
      .orderBy('s.received_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(PAGE)
      .offset((page - 1) * PAGE)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const names = await userNames(ctx, [
    ...rows.flatMap((r) => (r.observer_id ? [r.observer_id] : [])),
    ...rows.flatMap((r) => (liveLock(r) ? [r.locked_by!] : [])),
    ...rows.flatMap((r) => (r.assigned_to ? [r.assigned_to] : [])),
  ]);
  // Per row, as for one report (getSubmission): a query only for the reader's own reports.
  const withReview = new Set<string>();
  for (const r of rows) if (await seesReview(ctx.db, actor, r)) withReview.add(r.id);
  const copies = await copiesOf(ctx.db, actor, [...withReview]);
  const titles = new Map<string, z.infer<typeof S.L10nSchema> | null>();
  for (const id of new Set(rows.map((r) => r.form_version_id)))
    titles.set(id, (await publishedVersion(ctx.db, id))?.title ?? null);
  return {
    page,
    total: Number(total.n),
    items: rows.map((r) => {
      const internal = withReview.has(r.id);
      return {
        id: r.id,
        missionId: r.mission_id,
        siteId: r.site_id,
        siteName: r.site_name,
        formTitle: titles.get(r.form_version_id) ?? null,
        formKind: r.form_kind,
        status: r.status as Status,
        critical: r.critical === 1,
        // An observer's list (their own reports) shows no review internals: see presentSubmission.
        flags: {
          translate: internal && r.flag_translate === 1,
          geolocate: internal && r.flag_geolocate === 1,
          verify: internal && r.flag_verify === 1,
          urgent: internal && r.flag_urgent === 1,
        },
        region: r.region,
        receivedAt: r.received_at,
        observerName: r.observer_id ? (names.get(r.observer_id) ?? '—') : null,
        source: r.source as 'observer' | 'public',
        lockedBy: internal && liveLock(r) ? (names.get(r.locked_by!) ?? '—') : null,
        // "You are editing" reads differently from someone else's name (the reviewer's own lock).
        lockedByMe: liveLock(r) !== null && r.locked_by === actor.userId,
        assigneeName: internal && r.assigned_to ? (names.get(r.assigned_to) ?? '—') : null,
        assignedToMe: r.assigned_to === actor.userId,
        copies: copies.get(r.id) ?? 0,
      };
    }),
  };
}
