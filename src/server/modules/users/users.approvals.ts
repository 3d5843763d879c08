import { envelope, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { registerApprovalKind, requestApprovalTx } from '../approvals/approvals.service.ts';
import { decryptUser } from './users.presenter.ts';
import { usersRepo } from './users.repo.ts';

export const GRANT_ADMIN = 'user.grant_admin';

async function nameOf(ctx: AppContext, id: string): Promise<string> {
  const row = await usersRepo.byId(ctx.db, id);
  return row ? decryptUser(envelope(ctx), row).name : '—';
}

registerApprovalKind(GRANT_ADMIN, {
  async apply(_ctx, tx, audit, approval, approverId) {
    const row = await usersRepo.byId(tx, approval.target_id);
    if (!row || row.status === 'disabled' || row.role === 'admin') return;
    await usersRepo.update(tx, row.id, { role: 'admin' });
    await audit({
      actorId: approval.requested_by,
      action: 'user.role_change',
      entityType: 'user',
      entityId: row.id,
      details: { from: row.role, to: 'admin', approvedBy: approverId },
    });
  },
  async describe(ctx, approval) {
    return {
      targetName: await nameOf(ctx, approval.target_id),
      requestedByName: await nameOf(ctx, approval.requested_by),
    };
  },
});

/**
 * Granting the administrator role needs a second administrator (four-eyes) whenever one exists. Returns
 * the approval id when the grant waits, or null when the requester is the only active administrator.
 */
export async function grantAdminOrRequest(
  tx: Executor,
  audit: (e: AuditEntry) => Promise<void>,
  targetId: string,
  requesterId: string,
): Promise<string | null> {
  if ((await usersRepo.countActiveAdmins(tx)) < 2) return null;
  return requestApprovalTx(tx, audit, GRANT_ADMIN, targetId, { role: 'admin' }, requesterId);
}
