import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { verifyAudit } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { userNames } from '../users/users.names.ts';

export interface AuditFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** Newest first, keyset-paginated on the chain position. Dates are inclusive whole days when given as dates. */
export async function listAudit(ctx: AppContext, actor: Actor | null, f: AuditFilter) {
  requireCap(actor, 'audit.read');
  const limit = f.limit ?? 50;
  let q = ctx.db.selectFrom('audit_log').selectAll();
  // `auth.*` filters a family of actions; a range instead of LIKE needs no escaping of `_` and `%`.
  if (f.action?.endsWith('*'))
    q = q.where('action', '>=', f.action.slice(0, -1)).where('action', '<', `${f.action.slice(0, -1)}\uffff`);
  else if (f.action) q = q.where('action', '=', f.action);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.from) q = q.where('at', '>=', new Date(f.from).toISOString());
  if (f.to)
    q = q.where(
      'at',
      '<',
      f.to.length === 10
        ? new Date(Date.parse(f.to) + 86_400_000).toISOString()
        : new Date(f.to).toISOString(),
    );
  if (f.cursor) q = q.where('seq', '<', Number(f.cursor));
  const rows = await q
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const names = await userNames(ctx, [
    ...new Set(page.map((r) => r.actor_id).filter((x): x is string => !!x)),
  ]);
  return {
    items: page.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_id ? (names.get(r.actor_id) ?? null) : null,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      details: JSON.parse(r.details) as Record<string, unknown>,
    })),
    nextCursor: rows.length > limit ? String(Number(page[page.length - 1]!.seq)) : null,
  };
}

export async function verifyAuditChain(ctx: AppContext, actor: Actor | null) {
  requireCap(actor, 'audit.read');
  return verifyAudit(ctx.db);
}
