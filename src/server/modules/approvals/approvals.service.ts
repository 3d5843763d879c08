import { uuidv7 } from '../../../core/ids.ts';
import { requireCap, requireReauth, type Actor } from '../../platform/access/policy.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { inTx, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { approvalsRepo, type ApprovalRow } from './approvals.repo.ts';

type Audit = (e: AuditEntry) => Promise<void>;

/** What a kind of approval does when approved, and how it is described to the approver. */
export interface ApprovalKind {
  apply(
    ctx: AppContext,
    tx: Executor,
    audit: Audit,
    approval: ApprovalRow,
    approverId: string,
  ): Promise<void>;
  /** `count`: how many records a request about a selection names (an erase of many reports). */
  describe(
    ctx: AppContext,
    approval: ApprovalRow,
  ): Promise<{ targetName: string; requestedByName: string; count?: number }>;
}

const kinds = new Map<string, ApprovalKind>();

/** Modules register the dangerous changes that need a second administrator (four-eyes). */
export function registerApprovalKind(kind: string, impl: ApprovalKind): void {
  kinds.set(kind, impl);
}

/**
 * Record a request inside the caller's transaction. A second request for the same change while one is
 * pending returns the existing one.
 */
export async function requestApprovalTx(
  tx: Executor,
  audit: Audit,
  kind: string,
  targetId: string,
  payload: Record<string, string>,
  requestedBy: string,
): Promise<string> {
  const existing = await approvalsRepo.pendingFor(tx, kind, targetId);
  if (existing) return existing.id;
  const id = uuidv7();
  await approvalsRepo.insert(tx, {
    id,
    kind,
    target_id: targetId,
    payload: JSON.stringify(payload),
    status: 'pending',
    requested_by: requestedBy,
    requested_at: new Date().toISOString(),
    decided_by: null,
    decided_at: null,
  });
  await audit({
    actorId: requestedBy,
    action: 'approval.request',
    entityType: 'approval',
    entityId: id,
    details: { kind, targetId },
  });
  return id;
}

export async function listPendingApprovals(ctx: AppContext, actor: Actor | null) {
  requireCap(actor, 'users.manage');
  const rows = await approvalsRepo.pending(ctx.db);
  return Promise.all(
    rows
      .filter((r) => kinds.has(r.kind))
      .map(async (r) => ({
        id: r.id,
        kind: r.kind,
        targetId: r.target_id,
        requestedBy: r.requested_by,
        requestedAt: r.requested_at,
        mine: r.requested_by === actor.userId,
        ...(await kinds.get(r.kind)!.describe(ctx, r)),
      })),
  );
}

/** A second administrator approves (after re-authentication); the change is applied in the same transaction. */
export async function approve(ctx: AppContext, actor: Actor | null, id: string): Promise<void> {
  requireCap(actor, 'users.manage');
  requireReauth(actor);
  await inTx(ctx, async (tx, audit) => {
    const row = await approvalsRepo.byId(tx, id);
    const kind = row && kinds.get(row.kind);
    if (!row || row.status !== 'pending' || !kind) throw new AppError('approval.not_found');
    if (row.requested_by === actor.userId) throw new AppError('approval.own_request');
    if (!(await approvalsRepo.decide(tx, id, 'approved', actor.userId)))
      throw new AppError('approval.not_found');
    await kind.apply(ctx, tx, audit, row, actor.userId);
    await audit({
      actorId: actor.userId,
      action: 'approval.approve',
      entityType: 'approval',
      entityId: id,
      details: { kind: row.kind },
    });
  });
}

/** Another administrator rejects, or the requester withdraws. */
export async function reject(ctx: AppContext, actor: Actor | null, id: string): Promise<void> {
  requireCap(actor, 'users.manage');
  await inTx(ctx, async (tx, audit) => {
    const row = await approvalsRepo.byId(tx, id);
    if (!row || !(await approvalsRepo.decide(tx, id, 'rejected', actor.userId)))
      throw new AppError('approval.not_found');
    const action = row.requested_by === actor.userId ? 'approval.withdraw' : 'approval.reject';
    await audit({
      actorId: actor.userId,
      action,
      entityType: 'approval',
      entityId: id,
      details: { kind: row.kind },
    });
  });
}
