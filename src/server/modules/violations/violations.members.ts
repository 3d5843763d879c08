import type { z } from 'zod';
import type { Role } from '../../../core/roles.ts';
import type * as S from '../../../core/schemas/violations.ts';
import { capabilitiesOf, requireCap, type Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { activeUsersWith } from '../users/users.names.ts';
import { withEvent } from './violations.access.ts';
import { getEvent } from './violations.service.ts';
import { violationsRepo } from './violations.repo.ts';

/**
 * Members of an event: `lead` (manages members, may restrict the event), `member` (edits),
 * `grant` (reads a restricted event, edits nothing). The lead manages them (or an administrator when
 * the event is not restricted); an event always keeps at least one lead. Every change is audited.
 */

/** Only active users whose role reads violation records can be members. */
async function requireMemberUser(db: Executor, userId: string) {
  const u = await db
    .selectFrom('users')
    .select(['role', 'status'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!u || u.status !== 'active' || !capabilitiesOf(u.role as Role).includes('violations.read'))
    throw new AppError('violation.member_invalid', { fields: [{ path: 'userId', code: 'invalid_value' }] });
}

async function leadsLeft(db: Executor, eventId: string, without: string): Promise<number> {
  const rows = await violationsRepo.members(db, eventId);
  return rows.filter((m) => m.role === 'lead' && m.user_id !== without).length;
}

export async function setEventMember(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  body: z.infer<typeof S.EventMemberBody>,
): Promise<void> {
  await requireMemberUser(ctx.db, body.userId);
  await withEvent(ctx, actor, eventId, 'manage', async (tx, audit) => {
    if (body.role !== 'lead' && (await leadsLeft(tx, eventId, body.userId)) === 0)
      throw new AppError('violation.lead_required');
    await violationsRepo.setMember(tx, eventId, body.userId, body.role, actor!.userId);
    await violationsRepo.touch(tx, eventId);
    await audit({
      actorId: actor!.userId,
      action: body.role === 'grant' ? 'violation.grant' : 'violation.member_set',
      entityType: 'vio_event',
      entityId: eventId,
      details: { userId: body.userId, role: body.role },
    });
  });
}

export async function removeEventMember(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  userId: string,
): Promise<void> {
  await withEvent(ctx, actor, eventId, 'manage', async (tx, audit) => {
    if ((await leadsLeft(tx, eventId, userId)) === 0) throw new AppError('violation.lead_required');
    await violationsRepo.removeMember(tx, eventId, userId);
    await violationsRepo.touch(tx, eventId);
    await audit({
      actorId: actor!.userId,
      action: 'violation.member_remove',
      entityType: 'vio_event',
      entityId: eventId,
      details: { userId },
    });
  });
}

/** Who may be added to an event: active users whose role reads violation records (names only). */
export async function assignableEventUsers(ctx: AppContext, actor: Actor | null) {
  requireCap(actor, 'violations.read');
  return activeUsersWith(ctx, 'violations.read');
}

/**
 * Remove a member, then answer with the event as the actor now sees it — or `{ left: true }` when
 * the actor removed their own sight of a restricted event (nothing of it is shown any more).
 */
export async function removeEventMemberAndShow(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  userId: string,
): Promise<z.infer<typeof S.Event> | { left: true }> {
  await removeEventMember(ctx, actor, eventId, userId);
  return getEvent(ctx, actor, eventId, false).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'violation.not_found') return { left: true as const };
    throw e;
  });
}
