import { sql, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { envelope, type AppContext } from '../../platform/context.ts';
import type { SubmissionsTable } from '../../platform/db/schema.monitoring.ts';
import { userNames } from '../users/users.names.ts';
import { seesReview, submissionVisibleTo } from './monitoring.access.ts';
import { copiesOf } from './review.duplicates.ts';
import { reportsOfRequest } from './review.erase-many.ts';
import { firstChoiceOption } from './review.convert.text.ts';
import { publishedVersion, type CachedVersion } from './submissions.forms.ts';
import { outsideMissionTime } from './submissions.clock.ts';
import { liveLock } from './submissions.read.ts';
import type * as S from './submissions.schemas.ts';

type Status = z.infer<typeof S.SubmissionView>['status'];
const PAGE = 50;

/**
 * The submissions (alias `s`) a list filter matches, among those the actor may see: the one filter of
 * the review list and of "select every report that matches" (review.bulk.ts), so both always agree.
 */
export async function filteredSubmissions(
  ctx: AppContext,
  actor: Actor,
  q: Omit<z.infer<typeof S.SubmissionsQuery>, 'page'>,
) {
  let base = ctx.db.selectFrom('submissions as s').where(submissionVisibleTo(actor));
  if (q.erasing) {
    const ids = await reportsOfRequest(ctx, actor, q.erasing);
    base = ids.length ? base.where('s.id', 'in', ids) : base.where(sql<boolean>`1 = 0`);
  }
  if (q.missionId) base = base.where('s.mission_id', '=', q.missionId);
  if (q.status) base = base.where('s.status', '=', q.status);
  if (q.region) base = base.where('s.region', '=', q.region);
  if (q.siteId) base = base.where('s.site_id', '=', q.siteId);
  if (q.formKind) base = base.where('s.form_kind', '=', q.formKind);
  if (q.critical)
    base = base.where(q.critical === '1' ? sql<boolean>`s.critical = 1` : sql<boolean>`s.critical = 0`);
  if (q.source) base = base.where('s.source', '=', q.source);
  if (q.queue) base = base.where(inQueue(q.queue));
  if (q.assignee === 'me') base = base.where('s.assigned_to', '=', actor.userId);
  if (q.clock === 'outside') base = base.where(await outsideMissionTime(ctx, q.missionId));
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
  const base = await filteredSubmissions(ctx, actor, q);
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
        's.submitted_at',
        's.observer_id',
        's.source',
        's.locked_by',
        's.assigned_to',
        's.locked_until',
        // Only an incident's answers are read (for its headline); a checklist's stay in the database.
        sql<string | null>`case when s.form_kind = 'incident' then s.answers end`.as('answers'),
        's.dek',
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
  const versions = new Map<string, CachedVersion | null>();
  for (const id of new Set(rows.map((r) => r.form_version_id)))
    versions.set(id, await publishedVersion(ctx.db, id));
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
        formTitle: versions.get(r.form_version_id)?.title ?? null,
        headline: headline(ctx, r, versions.get(r.form_version_id)),
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
        submittedAt: r.submitted_at,
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

/**
 * What an incident report says happened (its first top-level choice, named in every language), so that
 * the reports of one station on election day no longer look alike in the list. Checklists have none:
 * their first choice is no summary. Only incident rows are decrypted.
 */
function headline(
  ctx: AppContext,
  r: Pick<SubmissionsTable, 'id' | 'dek' | 'form_kind'> & { answers: string | null },
  v: CachedVersion | null | undefined,
): z.infer<typeof S.L10nSchema> | null {
  if (r.form_kind !== 'incident' || !v || !r.answers) return null;
  const key = envelope(ctx).openRecordKey('submissions', r.id, r.dek);
  const o = firstChoiceOption(v, JSON.parse(key.decrypt('answers', r.answers)) as Record<string, unknown>);
  return o?.label ?? null;
}

/**
 * A report is in the queue: written with the literal 1, so SQLite sees that the queue's partial index
 * (migration 0039) applies; a bound parameter would hide that and read every report of the mission.
 */
function inQueue(queue: (typeof S.QUEUES)[number] | 'critical'): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(queue === 'critical' ? 's.critical' : `s.flag_${queue}`)} = 1`;
}

/**
 * The number beside each review tab: what that tab would list under the same filter. One count per tab:
 * each queue's count reads that queue's index only (a pass summing the flags over every report read a
 * million rows of answers in 0.9 s). Reviewers only: an observer's own reports show no flags, and their
 * counts would give the flags away.
 */
export async function queueCounts(
  ctx: AppContext,
  actor: Actor | null,
  q: z.infer<typeof S.QueueCountsQuery>,
): Promise<z.infer<typeof S.QueueCounts>> {
  requireCap(actor, 'monitoring.review');
  const base = await filteredSubmissions(ctx, actor, q);
  const count = async (b: typeof base) =>
    Number((await b.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const [all, mine, translate, geolocate, verify, urgent, critical] = await Promise.all([
    count(base),
    count(base.where('s.assigned_to', '=', actor.userId)),
    ...(['translate', 'geolocate', 'verify', 'urgent', 'critical'] as const).map((k) =>
      count(base.where(inQueue(k))),
    ),
  ]);
  return {
    all,
    mine,
    translate: translate!,
    geolocate: geolocate!,
    verify: verify!,
    urgent: urgent!,
    critical: critical!,
  };
}
