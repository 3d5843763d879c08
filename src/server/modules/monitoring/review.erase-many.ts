import { uuidv7 } from '../../../core/ids.ts';
import { requireCap, requireReauth, type Actor } from '../../platform/access/policy.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { inTx, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { approvalsRepo } from '../approvals/approvals.repo.ts';
import { registerApprovalKind, requestApprovalTx } from '../approvals/approvals.service.ts';
import { userNames } from '../users/users.names.ts';
import { usersRepo } from '../users/users.repo.ts';
import { eraseTx } from './review.erase.ts';
import { loadForReview } from './review.service.ts';
import { liveLock } from './submissions.read.ts';

/**
 * Erasing a selection of rejected reports under one decision (ADR 0029, amended): a flood of spam on
 * the public form is hundreds of reports, and one approval each would bury the second administrator.
 * The same rules as for one report (review.erase.ts) — administrators only, re-authentication, only
 * rejected reports, four-eyes whenever a second administrator exists — and the same erasure per report,
 * all in one transaction: the approval erases every report it names that is still rejected.
 */
export const ERASE_SUBMISSIONS = 'monitoring.erase_many';

/** Why a report of the selection was left out; the web names each in the reader's language. */
type SkipCode = 'submissions.not_found' | 'submissions.locked' | 'submissions.erase_not_rejected';
export type EraseManyOutcome = {
  status: 'erased' | 'requested';
  /** Erased, or named in the request for the second administrator. */
  done: string[];
  skipped: { id: string; code: SkipCode }[];
};
type Audit = (e: AuditEntry) => Promise<void>;

/** The reports an erase request names (its payload: ids joined by commas). */
export function idsOfRequest(payload: string): string[] {
  const ids = (JSON.parse(payload) as { ids?: unknown }).ids;
  return typeof ids === 'string' && ids ? ids.split(',') : [];
}

registerApprovalKind(ERASE_SUBMISSIONS, {
  async apply(ctx, tx, audit, approval, approverId) {
    await eraseAll(ctx, tx, audit, idsOfRequest(approval.payload), approval.requested_by, approverId);
  },
  async describe(ctx, approval) {
    const names = await userNames(ctx, [approval.requested_by]);
    return {
      targetName: approval.target_id,
      requestedByName: names.get(approval.requested_by) ?? '—',
      count: idsOfRequest(approval.payload).length,
    };
  },
});

/**
 * Each report read again in the transaction: one erased meanwhile (by another request) is done already,
 * one taken back out of "rejected" since the request stays — it was reviewed again, and the approver
 * approved erasing rejected reports. Either way the others go.
 */
async function eraseAll(
  ctx: AppContext,
  tx: Executor,
  audit: Audit,
  ids: string[],
  actorId: string,
  approvedBy: string | null,
): Promise<string[]> {
  const erased: string[] = [];
  for (const id of ids) {
    try {
      if (await eraseTx(ctx, tx, audit, id, actorId, approvedBy)) erased.push(id);
    } catch (e) {
      // Thrown before any write for this report, so the transaction goes on unharmed.
      if (!(e instanceof AppError && e.code === 'submissions.erase_not_rejected')) throw e;
    }
  }
  return erased;
}

/**
 * The review queue's "Erase permanently" for a selection. Reports the administrator may not act on
 * are left out with their reason (as a batch of moves leaves them); the rest are erased at once by a
 * sole administrator, or named in one request that the second administrator approves as a whole.
 */
export async function eraseSubmissions(
  ctx: AppContext,
  actor: Actor | null,
  ids: string[],
): Promise<EraseManyOutcome> {
  requireCap(actor, 'monitoring.erase');
  requireReauth(actor);
  const chosen: string[] = [];
  const skipped: EraseManyOutcome['skipped'] = [];
  for (const id of new Set(ids)) {
    const row = await loadForReview(ctx, actor, id).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'submissions.not_found') return null;
      throw e;
    });
    const lock = row && liveLock(row);
    if (!row) skipped.push({ id, code: 'submissions.not_found' });
    else if (row.status !== 'rejected') skipped.push({ id, code: 'submissions.erase_not_rejected' });
    else if (lock && lock.userId !== actor.userId) skipped.push({ id, code: 'submissions.locked' });
    else chosen.push(id);
  }
  if (chosen.length === 0) return { status: 'erased', done: [], skipped };
  return inTx(ctx, async (tx, audit) => {
    if ((await usersRepo.countActiveAdmins(tx)) >= 2) {
      // The request's own id names it: a selection has no single report to point at.
      const batch = uuidv7();
      await requestApprovalTx(tx, audit, ERASE_SUBMISSIONS, batch, { ids: chosen.join(',') }, actor.userId);
      return { status: 'requested' as const, done: chosen, skipped };
    }
    const done = await eraseAll(ctx, tx, audit, chosen, actor.userId, null);
    return { status: 'erased' as const, done, skipped };
  });
}

/**
 * The reports a pending erase request names, for the review queue's view of it (`?erasing=`): the
 * approver reads what they would erase. A request decided or withdrawn names nothing any more.
 */
export async function reportsOfRequest(
  ctx: AppContext,
  actor: Actor | null,
  approvalId: string,
): Promise<string[]> {
  requireCap(actor, 'monitoring.erase');
  const row = await approvalsRepo.byId(ctx.db, approvalId);
  if (!row || row.kind !== ERASE_SUBMISSIONS || row.status !== 'pending') return [];
  return idsOfRequest(row.payload);
}
