import type { z } from 'zod';
import { uuidv7 } from '../../../core/ids.ts';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { envelope, inTx, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/db.ts';
import type { SubmissionsTable } from '../../platform/db/schema.monitoring.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordKey } from '../../platform/crypto/envelope.ts';
import { userNames } from '../users/users.names.ts';
import { reviewsSubmission } from './monitoring.access.ts';
import { checkOriginal, handOnDuplicates } from './review.duplicates.ts';
import { liveLock, loadSubmission, presentSubmission } from './submissions.read.ts';
import { recountOnStatus } from './submissions.recount.ts';
import type * as S from './submissions.schemas.ts';

type View = z.infer<typeof S.SubmissionView>;
type Status = View['status'];
export const LOCK_MS = 10 * 60_000;

/**
 * The review workflow (issue #4 item 4): received → in review → verified → published, or rejected
 * (with a reason); a reviewer may step back one state, and a rejected report may be looked at again.
 */
export const TRANSITIONS: Record<Status, readonly Status[]> = {
  received: ['in_review', 'rejected'],
  in_review: ['verified', 'rejected', 'received'],
  verified: ['published', 'rejected', 'in_review'],
  published: ['verified'],
  rejected: ['in_review'],
};

/**
 * The moves a batch may make: forward only. Stepping back (unpublishing, reopening a rejected report)
 * is a decision about one report, taken on its page: a bulk "Verify" over a selection that happens to
 * hold a published report must skip it, not quietly unpublish it.
 */
export const FORWARD: Record<Status, readonly Status[]> = {
  received: ['in_review', 'rejected'],
  in_review: ['verified', 'rejected'],
  verified: ['published', 'rejected'],
  published: [],
  rejected: [],
};

/** A reviewer of the submission: an administrator or a coordinator of its mission (and region). */
export async function loadForReview(ctx: AppContext, actor: Actor | null, id: string, tx?: Tx) {
  requireCap(actor, 'monitoring.review');
  const row = await loadSubmission(ctx, actor, id, tx);
  // Seeing one's own report is not reviewing it: only a coordinator of its part of the mission reviews.
  if (row.observer_id === actor.userId && !(await reviewsSubmission(tx ?? ctx.db, actor, row)))
    throw new AppError('submissions.not_found');
  return row;
}

export async function lockedError(ctx: AppContext, userId: string) {
  const name = (await userNames(ctx, [userId])).get(userId) ?? '—';
  return new AppError('submissions.locked', { params: { name }, details: { userId, name } });
}

/**
 * Run a review change in one transaction; someone else's live lock refuses it (409 with their name),
 * unless the change cannot clash with their work (`whileLocked`: a comment adds to the report and
 * changes nothing they are editing, and is how a coordinator asks the lock's holder for something).
 */
export async function withReview<T>(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  fn: (tx: Tx, audit: (e: AuditEntry) => Promise<void>, row: SubmissionsTable, key: RecordKey) => Promise<T>,
  opts: { whileLocked?: boolean; alsoLock?: string | null | undefined } = {},
): Promise<T> {
  let heldBy: string | null = null;
  const out = await inTx(ctx, async (tx, audit) => {
    // One review change of a report at a time: on PostgreSQL two coordinators verifying the same report
    // together both read "in review" and both counted it among the verified figures. The row lock makes
    // the second wait, then read the first one's result (SQLite has one writer at a time anyway). A
    // change that reads another report too (the original of a duplicate) locks both, in id order, so
    // that two reviewers marking two reports as copies of each other cannot deadlock.
    if (ctx.dbh.kind === 'postgres')
      for (const lock of [...new Set([id, opts.alsoLock ?? id])].sort())
        await tx.selectFrom('submissions').select('id').where('id', '=', lock).forUpdate().execute();
    const row = await loadForReview(ctx, actor, id, tx);
    const lock = liveLock(row);
    if (lock && lock.userId !== actor!.userId && !opts.whileLocked) {
      heldBy = lock.userId;
      return null;
    }
    return { v: await fn(tx, audit, row, envelope(ctx).openRecordKey('submissions', id, row.dek)) };
  });
  if (!out) throw await lockedError(ctx, heldBy!);
  return out.v;
}

export async function lockSubmission(ctx: AppContext, actor: Actor | null, id: string): Promise<View> {
  await withReview(ctx, actor, id, async (tx, audit) => {
    const until = new Date(Date.now() + LOCK_MS).toISOString();
    await tx
      .updateTable('submissions')
      .set({ locked_by: actor!.userId, locked_until: until })
      .where('id', '=', id)
      .execute();
    await audit({
      actorId: actor!.userId,
      action: 'monitoring.submission_lock',
      entityType: 'submission',
      entityId: id,
    });
  });
  return presentSubmission(ctx, actor, await loadSubmission(ctx, actor, id));
}

export async function unlockSubmission(ctx: AppContext, actor: Actor | null, id: string): Promise<View> {
  await withReview(ctx, actor, id, async (tx, audit, row) => {
    if (!row.locked_by) return;
    await tx
      .updateTable('submissions')
      .set({ locked_by: null, locked_until: null })
      .where('id', '=', id)
      .execute();
    await audit({
      actorId: actor!.userId,
      action: 'monitoring.submission_unlock',
      entityType: 'submission',
      entityId: id,
    });
  });
  return presentSubmission(ctx, actor, await loadSubmission(ctx, actor, id));
}

/** Add a history row (reason encrypted under the submission's key). */
export async function addHistory(
  tx: Tx,
  key: RecordKey,
  h: {
    submissionId: string;
    userId: string;
    action: string;
    from: string | null;
    to: string | null;
    reason?: string | null;
    refId?: string | null;
    /** Encrypted under the report's key with the entry's id (a correction's changes). */
    detail?: string | null;
  },
) {
  const id = uuidv7();
  await tx
    .insertInto('submission_history')
    .values({
      id,
      submission_id: h.submissionId,
      at: new Date().toISOString(),
      user_id: h.userId,
      action: h.action,
      from_status: h.from,
      to_status: h.to,
      reason_enc: h.reason ? key.encrypt(`reason:${id}`, h.reason) : null,
      ref_id: h.refId ?? null,
      detail_enc: h.detail ? key.encrypt(`detail:${id}`, h.detail) : null,
    })
    .execute();
}

/**
 * A reject needs its reason, or the report it duplicates, before anything is touched (one report or
 * many); only a rejection names an original.
 */
export function checkTransitionInput(input: z.infer<typeof S.Transition>): void {
  if (input.duplicateOf && input.to !== 'rejected')
    throw new AppError('submissions.duplicate_not_rejected', {
      fields: [{ path: 'duplicateOf', code: 'invalid' }],
    });
  if (input.to === 'rejected' && !input.reason && !input.duplicateOf)
    throw new AppError('submissions.reason_required', { fields: [{ path: 'reason', code: 'required' }] });
}

/** Move one report to another state, in the caller's review transaction (withReview). */
export async function applyTransition(
  actor: Actor,
  id: string,
  input: z.infer<typeof S.Transition>,
  tx: Tx,
  audit: (e: AuditEntry) => Promise<void>,
  row: SubmissionsTable,
  key: RecordKey,
  moves: Record<Status, readonly Status[]> = TRANSITIONS,
): Promise<void> {
  const from = row.status as Status;
  // The state check first: an impossible move answers 409 even without a reason.
  if (!moves[from].includes(input.to)) throw new AppError('submissions.transition_invalid');
  checkTransitionInput(input);
  const original = input.duplicateOf ?? null;
  if (original) await checkOriginal(tx, actor, row, original);
  // Linked only while rejected as a duplicate: any other move (reopening it) clears the link.
  await tx
    .updateTable('submissions')
    .set({ status: input.to, duplicate_of: original, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
  const handedOn = original ? await handOnDuplicates(tx, id, original) : 0;
  await recountOnStatus(tx, row, key, from, input.to);
  await addHistory(tx, key, {
    submissionId: id,
    userId: actor.userId,
    action: 'transition',
    from,
    to: input.to,
    reason: input.reason || null,
    refId: original,
  });
  await audit({
    actorId: actor.userId,
    action: 'monitoring.submission_transition',
    entityType: 'submission',
    entityId: id,
    details: { from, to: input.to, ...(original ? { duplicateOf: original, handedOn } : {}) },
  });
}

export async function transitionSubmission(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  input: z.infer<typeof S.Transition>,
): Promise<View> {
  await withReview(
    ctx,
    actor,
    id,
    (tx, audit, row, key) => applyTransition(actor!, id, input, tx, audit, row, key),
    { alsoLock: input.duplicateOf },
  );
  return presentSubmission(ctx, actor, await loadSubmission(ctx, actor, id));
}

export async function setFlags(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  f: z.infer<typeof S.FlagsPatch>,
): Promise<View> {
  await withReview(ctx, actor, id, async (tx, audit) => {
    const b = (v: boolean | undefined) => (v === undefined ? undefined : v ? 1 : 0);
    const set = Object.fromEntries(
      Object.entries({
        flag_translate: b(f.translate),
        flag_geolocate: b(f.geolocate),
        flag_verify: b(f.verify),
        flag_urgent: b(f.urgent),
      }).filter(([, v]) => v !== undefined),
    );
    if (Object.keys(set).length === 0) return;
    await tx
      .updateTable('submissions')
      .set({ ...set, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await audit({
      actorId: actor!.userId,
      action: 'monitoring.submission_flags',
      entityType: 'submission',
      entityId: id,
      details: { fields: Object.keys(f).sort().join(',') },
    });
  });
  return presentSubmission(ctx, actor, await loadSubmission(ctx, actor, id));
}

export async function addComment(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  body: string,
): Promise<View> {
  await withReview(
    ctx,
    actor,
    id,
    async (tx, audit, _row, key) => {
      const cid = uuidv7();
      await tx
        .insertInto('submission_comments')
        .values({
          id: cid,
          submission_id: id,
          at: new Date().toISOString(),
          user_id: actor!.userId,
          body_enc: key.encrypt(`comment:${cid}`, body),
        })
        .execute();
      await audit({
        actorId: actor!.userId,
        action: 'monitoring.submission_comment',
        entityType: 'submission',
        entityId: id,
        details: { comment: cid },
      });
    },
    { whileLocked: true },
  );
  return presentSubmission(ctx, actor, await loadSubmission(ctx, actor, id));
}
