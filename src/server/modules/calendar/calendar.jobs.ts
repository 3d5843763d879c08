import { z } from 'zod';
import { uuidv7 } from '../../../core/ids.ts';
import { isLocale } from '../../../core/i18n/index.ts';
import { Uuid } from '../../../core/schemas/common.ts';
import { envelope, inTx, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { sendMail } from '../../platform/mail.ts';
import { decryptUser } from '../users/users.presenter.ts';
import { usersRepo } from '../users/users.repo.ts';
import { composeReminder } from './calendar.mail.ts';
import { hearingsRepo, notificationsRepo } from './calendar.repo.ts';

export const REMINDER_JOB = 'calendar.reminder';
export const EMAIL_JOB = 'calendar.email';
export const REMINDER_KIND = 'hearing.reminder';
/** Reminders go out one day and one hour before a hearing or deadline. */
export const REMINDER_OFFSETS = { '1d': 86_400_000, '1h': 3_600_000 } as const;
type Offset = keyof typeof REMINDER_OFFSETS;

const ReminderPayload = z.object({
  hearingId: Uuid,
  startsAt: z.string(),
  offset: z.enum(['1d', '1h']),
});
const EmailPayload = z.object({ notificationId: Uuid });

/**
 * Queue the reminders of a hearing at its current time, inside the caller's transaction. The payload
 * holds ids and the time only; the unique key includes the time, so moving a hearing queues new
 * reminders and the old ones find the time changed when they run and do nothing. Reminders whose
 * moment has already passed are not queued.
 */
export async function scheduleReminders(
  ctx: AppContext,
  tx: Executor,
  hearingId: string,
  startsAt: string,
  now = Date.now(),
): Promise<void> {
  for (const [offset, ms] of Object.entries(REMINDER_OFFSETS) as [Offset, number][]) {
    const runAt = Date.parse(startsAt) - ms;
    if (runAt <= now) continue;
    await ctx.jobs.enqueue(
      tx,
      REMINDER_JOB,
      { hearingId, startsAt, offset },
      { uniqueKey: `${REMINDER_JOB}:${hearingId}:${startsAt}:${offset}`, runAt: new Date(runAt) },
    );
  }
}

/**
 * Run one reminder: only if the hearing still exists, is not cancelled and is still at the time the
 * reminder was queued for. Notifies the attending lawyer and the working team (active users), once
 * each even when the job runs again, and queues one e-mail per new notice when SMTP is configured.
 */
export async function runReminder(ctx: AppContext, raw: unknown): Promise<number> {
  const p = ReminderPayload.parse(raw);
  const h = await hearingsRepo.byId(ctx.db, p.hearingId);
  if (!h || h.cancelled_at !== null || h.starts_at !== p.startsAt) return 0;
  // A reminder that could not run in time (the worker was down) is no longer useful.
  if (Date.parse(h.starts_at) <= Date.now()) return 0;
  const c = await hearingsRepo.caseRow(ctx.db, h.case_id);
  if (!c) return 0;
  const users = await hearingsRepo.recipients(ctx.db, h.case_id, h.lawyer_id);
  const params = JSON.stringify({
    caseId: h.case_id,
    caseNumber: c.number,
    kind: h.kind,
    startsAt: h.starts_at,
    offset: p.offset,
  });
  return inTx(ctx, async (tx, audit) => {
    let added = 0;
    for (const userId of users) {
      const id = uuidv7();
      const row = {
        id,
        user_id: userId,
        kind: REMINDER_KIND,
        entity_type: 'hearing',
        entity_id: h.id,
        params,
        created_at: new Date().toISOString(),
        read_at: null,
      };
      if (!(await notificationsRepo.insertOnce(tx, row))) continue;
      added += 1;
      if (ctx.config.smtp)
        await ctx.jobs.enqueue(tx, EMAIL_JOB, { notificationId: id }, { uniqueKey: `${EMAIL_JOB}:${id}` });
    }
    if (added > 0)
      await audit({
        actorId: null,
        action: 'hearing.reminded',
        entityType: 'hearing',
        entityId: h.id,
        details: { offset: p.offset, recipients: added },
      });
    return added;
  });
}

/** E-mail one reminder notice, if it is still true (same checks as the reminder) and SMTP is set. */
export async function runReminderEmail(ctx: AppContext, raw: unknown): Promise<boolean> {
  const smtp = ctx.config.smtp;
  if (!smtp) return false;
  const { notificationId } = EmailPayload.parse(raw);
  const n = await notificationsRepo.byId(ctx.db, notificationId);
  if (!n) return false;
  const params = JSON.parse(n.params) as { startsAt?: string; offset?: Offset; caseNumber?: string };
  const h = await hearingsRepo.byId(ctx.db, n.entity_id);
  if (!h || h.cancelled_at !== null || h.starts_at !== params.startsAt) return false;
  const user = await usersRepo.byId(ctx.db, n.user_id);
  if (!user || user.status !== 'active' || user.email_reminders !== 1) return false;
  const c = await hearingsRepo.caseRow(ctx.db, h.case_id);
  if (!c) return false;
  const locale = isLocale(user.locale) ? user.locale : 'en';
  const msg = composeReminder(locale, {
    kind: h.kind === 'deadline' ? 'deadline' : 'hearing',
    caseNumber: c.number,
    startsAt: h.starts_at,
    court: h.court,
    room: h.room,
    offset: params.offset ?? '1h',
  });
  await sendMail(smtp, { to: decryptUser(envelope(ctx), user).email, ...msg });
  return true;
}

/** Register the calendar's job handlers on this node's queue. */
export function registerCalendarJobs(ctx: AppContext): void {
  ctx.jobs.register(REMINDER_JOB, async (payload) => {
    await runReminder(ctx, payload);
  });
  ctx.jobs.register(EMAIL_JOB, async (payload) => {
    await runReminderEmail(ctx, payload);
  });
}
