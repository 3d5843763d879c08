import { uuidv7 } from '../../../core/ids.ts';
import type { CUSTODY_ACTIONS } from '../../../core/schemas/evidence.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { inTx, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { userNames } from '../users/users.names.ts';
import { evidenceRepo, type EvidenceRow } from './evidence.repo.ts';

/**
 * The chain of custody of evidence: who uploaded, looked at (metadata, thumbnail, list), downloaded,
 * exported or verified an item, and when. Each access is a `vio_custody` row shown to those who may
 * see the item, and an audit entry (ids and codes only) in the tamper-evident audit chain; both are
 * written in one transaction so that neither exists without the other.
 */
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];
type Audit = (e: AuditEntry) => Promise<void>;
type Item = Pick<EvidenceRow, 'id' | 'event_id'>;

/**
 * Record one access to several items in the caller's transaction: a custody row per item and one
 * audit entry (per item when `perItem`, else one summary entry for `summary`).
 */
export async function recordCustodyTx(
  tx: Executor,
  audit: Audit,
  actorId: string | null,
  items: readonly Item[],
  action: CustodyAction,
  result: string | null,
  summary?: { entityType: string; entityId?: string; details: AuditEntry['details'] },
): Promise<void> {
  if (items.length === 0 && !summary) return;
  const at = new Date().toISOString();
  await evidenceRepo.insertCustody(
    tx,
    items.map((i) => ({ id: uuidv7(), evidence_id: i.id, at, user_id: actorId, action, result })),
  );
  if (summary) {
    await audit({ actorId, action: `evidence.${action}`, ...summary });
    return;
  }
  for (const i of items)
    await audit({
      actorId,
      action: `evidence.${action}`,
      entityType: 'vio_evidence',
      entityId: i.id,
      details: { eventId: i.event_id, result },
    });
}

/** Record one access to one item in its own transaction. */
export async function recordCustody(
  ctx: AppContext,
  actorId: string | null,
  item: Item,
  action: CustodyAction,
  result: string | null = null,
): Promise<void> {
  await inTx(ctx, (tx, audit) => recordCustodyTx(tx, audit, actorId, [item], action, result));
}

/**
 * For modules that export evidence (e.g. an export package): call inside the export's transaction
 * with the items that leave the system, so the custody log shows the export.
 */
export async function recordEvidenceExport(
  tx: Executor,
  audit: Audit,
  actorId: string,
  items: readonly Item[],
  exportId: string,
): Promise<void> {
  await recordCustodyTx(tx, audit, actorId, items, 'export', null, {
    entityType: 'vio_export',
    entityId: exportId,
    details: { items: items.length },
  });
}

/** The custody log of one item as the API shows it, newest first, with the users' names. */
export async function presentCustody(ctx: AppContext, evidenceId: string) {
  const rows = await evidenceRepo.custody(ctx.db, evidenceId);
  const names = await userNames(
    ctx,
    rows.flatMap((r) => (r.user_id ? [r.user_id] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.user_id ? (names.get(r.user_id) ?? null) : null,
    action: r.action as CustodyAction,
    result: r.result,
  }));
}
