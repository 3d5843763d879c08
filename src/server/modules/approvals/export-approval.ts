import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/access/policy.ts';
import { envelope, inTx, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { decryptUser } from '../users/users.presenter.ts';
import { usersRepo } from '../users/users.repo.ts';
import { registerApprovalKind, requestApprovalTx } from './approvals.service.ts';

/**
 * Four-eyes for bulk exports with names (SECURITY.md: "Four-eyes approval for bulk export"). A redacted
 * export (codes instead of names) needs only re-authentication; an export with names needs a second
 * administrator's approval whenever one exists. The approval is for one scope and one set of filters,
 * is valid for 24 hours after the decision, and is used up by the first export it allows.
 */
export const EXPORT_NAMES = 'export.names';
const VALID_MS = 24 * 3600_000;

export type ExportScope = 'cases' | 'violations' | 'monitoring';

registerApprovalKind(EXPORT_NAMES, {
  // Nothing changes on approval: the requester's next export of the same scope and filters finds it.
  async apply() {},
  async describe(ctx, approval) {
    const by = await usersRepo.byId(ctx.db, approval.requested_by);
    const payload = JSON.parse(approval.payload) as { scope?: string };
    return {
      targetName: payload.scope ?? '',
      requestedByName: by ? decryptUser(envelope(ctx), by).name : '—',
    };
  },
});

/** One canonical text per filter set (key order and empty values do not matter). */
export function filtersKey(filters: Record<string, unknown>): string {
  const parts = Object.entries(filters)
    .filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false)
    .map(([k, v]) => `${k}=${String(v)}`)
    .sort();
  return parts.join('&');
}

/**
 * Whether an export with names by this actor waits for another administrator's approval (the web says
 * so before the export starts). A sole administrator cannot get a second pair of eyes; anyone else
 * always asks an administrator.
 */
export async function namedExportNeedsApproval(db: Executor, actor: Actor): Promise<boolean> {
  return actor.role !== 'admin' || (await usersRepo.countActiveAdmins(db)) >= 2;
}

/**
 * Allow an export with names, or record a request for approval and refuse with
 * `export.approval_requested`. Returns the id of the approval used (null when the actor is the only
 * active administrator, where four-eyes is impossible; the export's audit entry then has no approval).
 */
export async function authoriseNamedExport(
  ctx: AppContext,
  actor: Actor,
  scope: ExportScope,
  filters: Record<string, unknown>,
): Promise<string | null> {
  const key = filtersKey(filters);
  const target = `${scope}:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
  const outcome = await inTx(ctx, async (tx, audit) => {
    if (!(await namedExportNeedsApproval(tx, actor))) return { used: null };
    const since = new Date(Date.now() - VALID_MS).toISOString();
    const approved = await tx
      .selectFrom('approvals')
      .select('id')
      .where('kind', '=', EXPORT_NAMES)
      .where('target_id', '=', target)
      .where('requested_by', '=', actor.userId)
      .where('status', '=', 'approved')
      .where('decided_at', '>=', since)
      .orderBy('decided_at', 'desc')
      .executeTakeFirst();
    if (approved) {
      // Used once: the update succeeds for one export only, even when two race.
      const r = await tx
        .updateTable('approvals')
        .set({ status: 'used' })
        .where('id', '=', approved.id)
        .where('status', '=', 'approved')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) return { used: approved.id };
    }
    const id = await requestApprovalTx(
      tx,
      audit,
      EXPORT_NAMES,
      target,
      { scope, filters: key },
      actor.userId,
    );
    return { requested: id };
  });
  if ('requested' in outcome) throw new AppError('export.approval_requested');
  return outcome.used;
}
