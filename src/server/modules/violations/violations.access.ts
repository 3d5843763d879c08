import { sql, type Expression, type SqlBool } from 'kysely';
import { can, requireCap, type Actor } from '../../platform/access/policy.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { auditNow, inTx, type AppContext } from '../../platform/context.ts';
import type { Executor, Tx } from '../../platform/db/db.ts';
import type { VioEventsTable } from '../../platform/db/schema.violations.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Need-to-know for violation records (SECURITY.md), in one place for events, acts, evidence,
 * statistics detail, exports and the people registry:
 * - an event that is not restricted is visible to every user with `violations.read` (documenters,
 *   lawyers, coordinators, administrators): documentation is shared work inside the organisation;
 * - a restricted event is visible only to its members (lead, member, read-only grant) — not even to
 *   administrators who are not members, because restricted events protect sources and victims from
 *   insiders too (adversary 3);
 * - editing needs `violations.write` and, for a restricted event, the role lead or member;
 * - members are managed by the lead, or by an administrator when the event is not restricted.
 * An event the actor may not see answers `violation.not_found`, exactly like a missing one.
 */
export type EventRole = 'lead' | 'member' | 'grant';

export interface EventAccess {
  row: VioEventsTable;
  myRole: EventRole | null;
  canEdit: boolean;
  canManage: boolean;
}

/** SQL condition "the actor may see this event", for lists, search, statistics detail and exports. */
export function eventVisibleTo(
  actor: Actor,
  eventIdColumn: string,
  restrictedColumn: string,
): Expression<SqlBool> {
  if (!can(actor, 'violations.read')) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.ref(restrictedColumn)} = 0 or exists (select 1 from vio_event_members vm where vm.event_id = ${sql.ref(eventIdColumn)} and vm.user_id = ${actor.userId}))`;
}

export function eventAccessFor(
  actor: Actor,
  row: VioEventsTable,
  myRole: EventRole | null,
): EventAccess | null {
  if (!can(actor, 'violations.read')) return null;
  if (row.restricted === 1 && myRole === null) return null;
  const writer = can(actor, 'violations.write');
  return {
    row,
    myRole,
    canEdit: writer && (row.restricted === 0 ? myRole !== 'grant' : myRole === 'lead' || myRole === 'member'),
    canManage: myRole === 'lead' || (actor.role === 'admin' && row.restricted === 0),
  };
}

/**
 * Load an event the actor may see, or throw `violation.not_found`. A refused look at an existing event
 * is audited outside any transaction (see `loadCase` for why).
 */
export async function loadEvent(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  need: 'read' | 'edit' | 'manage' = 'read',
  db: Executor = ctx.db,
): Promise<EventAccess> {
  requireCap(actor, 'violations.read');
  const row = await db.selectFrom('vio_events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!row) throw new AppError('violation.not_found');
  const m = await db
    .selectFrom('vio_event_members')
    .select('role')
    .where('event_id', '=', eventId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  const access = eventAccessFor(actor, row, (m?.role as EventRole | undefined) ?? null);
  if (!access) {
    if (db === ctx.db)
      await auditNow(ctx, {
        actorId: actor.userId,
        action: 'violation.access_denied',
        entityType: 'vio_event',
        entityId: eventId,
        details: {},
      });
    throw new AppError('violation.not_found');
  }
  if (need === 'edit' && !access.canEdit) throw new AppError('auth.forbidden');
  if (need === 'manage' && !access.canManage) throw new AppError('auth.forbidden');
  return access;
}

/** A change to one event: checked before the transaction (audited refusal) and again inside it. */
export async function withEvent<T>(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  need: 'read' | 'edit' | 'manage',
  fn: (tx: Tx, audit: (e: AuditEntry) => Promise<void>, access: EventAccess) => Promise<T>,
): Promise<T> {
  await loadEvent(ctx, actor, eventId, need);
  return inTx(ctx, async (tx, audit) => fn(tx, audit, await loadEvent(ctx, actor, eventId, need, tx)));
}
