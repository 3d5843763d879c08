import { requireCap, requireReauth, type Actor } from '../../platform/access/policy.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { envelope, inTx, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { FileStore } from '../../platform/files/store.ts';
import { registerApprovalKind, requestApprovalTx } from '../approvals/approvals.service.ts';
import { userNames } from '../users/users.names.ts';
import { usersRepo } from '../users/users.repo.ts';
import { loadForReview, lockedError } from './review.service.ts';
import { liveLock } from './submissions.read.ts';
import { publishedVersion, uploadIdsOf } from './submissions.forms.ts';

/**
 * Erasing a report for good (ADR 0029): a rejected report — spam on the public form, a report that
 * names someone who must not be named, one sent by mistake — goes with everything that hangs on it:
 * its answers, translations, comments and history, its photos and files, and the alerts about it. Its data key goes with
 * the row (crypto-shredding, SECURITY.md); the files' rows and keys go in the same transaction and
 * their ciphertext is removed from disk by a job after the commit.
 *
 * Only a rejected report, which no longer counts anywhere (submissions.recount.ts), so the dashboard
 * needs no change. Only an administrator, after re-authentication, and with a second administrator's
 * approval whenever one exists (four-eyes for permanent deletion, SECURITY.md): the approval itself
 * erases. What this cannot reach is said in the ADR: export files already made and backups.
 */
export const ERASE_SUBMISSION = 'monitoring.erase';
export const ERASE_FILES_JOB = 'monitoring.erase_files';

type Audit = (e: AuditEntry) => Promise<void>;

registerApprovalKind(ERASE_SUBMISSION, {
  async apply(ctx, tx, audit, approval, approverId) {
    await eraseTx(ctx, tx, audit, approval.target_id, approval.requested_by, approverId);
  },
  async describe(ctx, approval) {
    const names = await userNames(ctx, [approval.requested_by]);
    return { targetName: approval.target_id, requestedByName: names.get(approval.requested_by) ?? '—' };
  },
});

/**
 * Asked by an administrator on the report's page: erased at once when nobody else could approve it,
 * else a request for the second administrator (who erases it by approving).
 */
export async function eraseSubmission(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<{ status: 'erased' | 'requested' }> {
  requireCap(actor, 'monitoring.erase');
  requireReauth(actor);
  const row = await loadForReview(ctx, actor, id);
  if (row.status !== 'rejected') throw new AppError('submissions.erase_not_rejected');
  const lock = liveLock(row);
  if (lock && lock.userId !== actor.userId) throw await lockedError(ctx, lock.userId);
  return inTx(ctx, async (tx, audit) => {
    if ((await usersRepo.countActiveAdmins(tx)) >= 2) {
      await requestApprovalTx(tx, audit, ERASE_SUBMISSION, id, { submission: id }, actor.userId);
      return { status: 'requested' as const };
    }
    await eraseTx(ctx, tx, audit, id, actor.userId, null);
    return { status: 'erased' as const };
  });
}

/** The report's stored files: their rows go with it, their keys on disk are listed for the job. */
async function filesOf(tx: Executor, row: { observer_id: string | null }, ids: string[]) {
  if (!row.observer_id || ids.length === 0) return { uploadIds: [], keys: [] };
  // Only the observer's own uploads, as when the report was accepted (submissions.files.ts).
  const uploads = await tx
    .selectFrom('uploads')
    .select(['id', 'storage_key', 'thumb_key'])
    .where('id', 'in', ids)
    .where('user_id', '=', row.observer_id)
    .execute();
  const uploadIds = uploads.map((u) => u.id);
  if (uploadIds.length === 0) return { uploadIds, keys: [] };
  const parts = await tx
    .selectFrom('upload_parts')
    .select('storage_key')
    .where('upload_id', 'in', uploadIds)
    .execute();
  const keys = [
    ...uploads.flatMap((u) => [u.storage_key, u.thumb_key]),
    ...parts.map((p) => p.storage_key),
  ].filter((k): k is string => !!k);
  return { uploadIds, keys };
}

/**
 * The uploads of `ids` that no other report of the same observer names: a phone (or a hand-made
 * request) may name one photo in two reports, and erasing one must not take the other's photo. The
 * observer's other reports are read and decrypted for it; erasing is rare, and an observer sends tens.
 */
async function notNamedElsewhere(
  ctx: AppContext,
  tx: Executor,
  row: { id: string; observer_id: string | null },
  ids: string[],
): Promise<string[]> {
  if (!row.observer_id || ids.length === 0) return ids;
  const left = new Set(ids);
  const others = await tx
    .selectFrom('submissions')
    .select(['id', 'dek', 'answers', 'form_version_id'])
    .where('observer_id', '=', row.observer_id)
    .where('id', '!=', row.id)
    .execute();
  const env = envelope(ctx);
  for (const o of others) {
    const v = await publishedVersion(tx, o.form_version_id);
    if (!v) continue;
    const key = env.openRecordKey('submissions', o.id, o.dek);
    const answers = JSON.parse(key.decrypt('answers', o.answers)) as Record<string, unknown>;
    for (const r of uploadIdsOf(v, answers)) left.delete(r.id);
    if (left.size === 0) break;
  }
  return [...left];
}

/**
 * The erasure itself, in the caller's transaction (the request's, or the approval's). The report is read
 * again here: one erased meanwhile is done already (false); one taken back out of "rejected" is refused
 * before anything is written.
 */
export async function eraseTx(
  ctx: AppContext,
  tx: Executor,
  audit: Audit,
  id: string,
  actorId: string,
  approvedBy: string | null,
): Promise<boolean> {
  const row = await tx
    .selectFrom('submissions')
    .selectAll()
    .where('id', '=', id)
    .$if(ctx.dbh.kind === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
  if (!row) return false;
  if (row.status !== 'rejected') throw new AppError('submissions.erase_not_rejected');
  const v = await publishedVersion(tx, row.form_version_id);
  const key = envelope(ctx).openRecordKey('submissions', id, row.dek);
  const answers = JSON.parse(key.decrypt('answers', row.answers)) as Record<string, unknown>;
  const named = v ? [...new Set(uploadIdsOf(v, answers).map((r) => r.id))] : [];
  const files = await filesOf(tx, row, await notNamedElsewhere(ctx, tx, row, named));
  if (files.uploadIds.length) {
    await tx.deleteFrom('upload_parts').where('upload_id', 'in', files.uploadIds).execute();
    await tx.deleteFrom('uploads').where('id', 'in', files.uploadIds).execute();
  }
  await tx.deleteFrom('submission_translations').where('submission_id', '=', id).execute();
  await tx.deleteFrom('submission_comments').where('submission_id', '=', id).execute();
  await tx.deleteFrom('submission_history').where('submission_id', '=', id).execute();
  // A critical alert or an assignment in someone's bell would lead to a report that is gone.
  await tx
    .deleteFrom('notifications')
    .where('entity_type', '=', 'submission')
    .where('entity_id', '=', id)
    .execute();
  // Copies rejected as repeating it stay rejected; the link to a report that is gone does not.
  await tx.updateTable('submissions').set({ duplicate_of: null }).where('duplicate_of', '=', id).execute();
  await tx.deleteFrom('submissions').where('id', '=', id).execute();
  // A phone that never got its answer may send the report again: its clientId stays, nothing else.
  if (row.source === 'observer' && row.observer_id)
    await tx
      .insertInto('erased_submissions')
      .values({
        client_id: row.client_id,
        submission_id: id,
        observer_id: row.observer_id,
        erased_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .execute();
  if (files.keys.length) await ctx.jobs.enqueue(tx, ERASE_FILES_JOB, { keys: files.keys });
  await audit({
    actorId,
    action: 'monitoring.submission_erase',
    entityType: 'submission',
    entityId: id,
    details: {
      mission: row.mission_id,
      source: row.source,
      files: files.uploadIds.length,
      ...(approvedBy ? { approvedBy } : {}),
    },
  });
  return true;
}

const registered = new WeakSet<AppContext>();

/** Removes an erased report's file ciphertext once the erasure has committed (their keys are gone already). */
export function registerEraseJobs(ctx: AppContext): void {
  if (registered.has(ctx)) return;
  registered.add(ctx);
  ctx.jobs.register(ERASE_FILES_JOB, async (payload) => {
    const keys = (payload as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(keys)) return;
    const store = new FileStore(ctx.config.dataDir);
    // The store refuses a key that is not one of its own; removing twice (a retried job) is fine.
    for (const k of keys) if (typeof k === 'string') await store.remove(k);
  });
}
