import type { NotificationOut } from '../../../core/schemas/calendar.ts';
import type { Actor } from '../../platform/access/policy.ts';
import { inTx, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { presentNotification } from './calendar.presenter.ts';
import { notificationsRepo } from './calendar.repo.ts';

const LIST_LIMIT = 50;

function requireActor(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('auth.unauthenticated');
}

/** My newest notifications and how many are unread. Only ever the caller's own. */
export async function listNotifications(
  ctx: AppContext,
  actor: Actor | null,
): Promise<{ items: NotificationOut[]; unread: number }> {
  requireActor(actor);
  const rows = await notificationsRepo.listForUser(ctx.db, actor.userId, LIST_LIMIT);
  return {
    items: rows.map(presentNotification),
    unread: await notificationsRepo.unreadCount(ctx.db, actor.userId),
  };
}

/** Mark one of my notifications read; another user's answers not found. */
export async function markNotificationRead(ctx: AppContext, actor: Actor | null, id: string): Promise<void> {
  requireActor(actor);
  const n = await notificationsRepo.byId(ctx.db, id);
  if (!n || n.user_id !== actor.userId) throw new AppError('notification.not_found');
  if (n.read_at !== null) return;
  await inTx(ctx, async (tx, audit) => {
    await notificationsRepo.markRead(tx, actor.userId, id, new Date().toISOString());
    await audit({
      actorId: actor.userId,
      action: 'notification.read',
      entityType: 'notification',
      entityId: id,
    });
  });
}

/** Mark all my notifications read; returns how many changed. */
export async function markAllNotificationsRead(ctx: AppContext, actor: Actor | null): Promise<number> {
  requireActor(actor);
  return inTx(ctx, async (tx, audit) => {
    const n = await notificationsRepo.markRead(tx, actor.userId, null, new Date().toISOString());
    if (n > 0)
      await audit({
        actorId: actor.userId,
        action: 'notification.read_all',
        entityType: 'user',
        entityId: actor.userId,
        details: { count: n },
      });
    return n;
  });
}
