import { z } from 'zod';
import { isLocale } from '../../../core/i18n/index.ts';
import type { Locale, Role } from '../../../core/roles.ts';
import { capabilitiesOf } from '../../platform/access/policy.ts';
import { envelope, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { tr } from '../../platform/i18n.ts';
import { sendMail } from '../../platform/mail.ts';
import { notificationsRepo } from '../calendar/calendar.repo.ts';
import { decryptUser } from '../users/users.presenter.ts';
import { usersRepo } from '../users/users.repo.ts';

/**
 * "Reports were given to you" by e-mail, when SMTP is configured: in the days after an election the
 * review goes on, and a reviewer who is not in Ukuk learns that work waits for them.
 *
 * Like the critical alert (alerts.mail.ts) it says nothing about the reports — no site, region, count
 * or mission — only that there is something, with a link that opens it through its own checks. It
 * goes out a minute after the bell notice, so that someone already at their desk reads the bell
 * instead, and batches that follow within that minute add to the one notice (review.assign.ts);
 * while an earlier notice of this kind from the last `QUIET_MINUTES` is unread, none goes out.
 */
export const ASSIGNED_EMAIL_JOB = 'monitoring.assigned_email';
export const ASSIGNED_EMAIL_DELAY_MS = 60_000;
export const QUIET_MINUTES = 30;
/** The bell notices of reports given to someone (review.assign.ts writes them). */
const KINDS = ['monitoring.assigned', 'monitoring.assigned_many'];

const Payload = z.object({ notificationId: z.string().min(1) });

/** Queue the e-mail of a new notice in the caller's transaction, when SMTP is configured. */
export async function queueAssignedEmail(
  ctx: AppContext,
  db: Executor,
  notificationId: string,
): Promise<void> {
  if (!ctx.config.smtp) return;
  await ctx.jobs.enqueue(
    db,
    ASSIGNED_EMAIL_JOB,
    { notificationId },
    {
      uniqueKey: `${ASSIGNED_EMAIL_JOB}:${notificationId}`,
      runAt: new Date(Date.now() + ASSIGNED_EMAIL_DELAY_MS),
    },
  );
}

/** Subject and plain-text body in the reader's language; `link` null when no public address is set. */
export function composeAssignedEmail(locale: Locale, link: string | null): { subject: string; text: string } {
  const lines = [
    tr(locale, 'monitoring:assignedEmail.intro'),
    '',
    link ? tr(locale, 'monitoring:alertEmail.link', { link }) : tr(locale, 'monitoring:alertEmail.noLink'),
    '',
    tr(locale, 'monitoring:assignedEmail.footer'),
  ];
  return { subject: tr(locale, 'monitoring:assignedEmail.subject'), text: lines.join('\n') };
}

/** Another unread notice of this kind for the same reader from the quiet time before this one. */
async function unreadBefore(db: Executor, n: { id: string; user_id: string; created_at: string }) {
  const since = new Date(Date.parse(n.created_at) - QUIET_MINUTES * 60_000).toISOString();
  const row = await db
    .selectFrom('notifications')
    .select('id')
    .where('user_id', '=', n.user_id)
    .where('kind', 'in', KINDS)
    .where('read_at', 'is', null)
    .where('id', '!=', n.id)
    .where('created_at', '>=', since)
    .where('created_at', '<=', n.created_at)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * E-mail one notice unless it is read, an earlier one is still unread, the reader turned these e-mails
 * off or may no longer review. One report links to it; several to the reader's "Mine" queue.
 */
export async function runAssignedEmail(ctx: AppContext, raw: unknown): Promise<boolean> {
  const smtp = ctx.config.smtp;
  if (!smtp) return false;
  const { notificationId } = Payload.parse(raw);
  const n = await notificationsRepo.byId(ctx.db, notificationId);
  if (!n || !KINDS.includes(n.kind) || n.read_at !== null) return false;
  if (await unreadBefore(ctx.db, n)) return false;
  const user = await usersRepo.byId(ctx.db, n.user_id);
  if (!user || user.status !== 'active' || user.email_assigned !== 1) return false;
  if (!capabilitiesOf(user.role as Role).includes('monitoring.review')) return false;
  const locale = isLocale(user.locale) ? user.locale : 'en';
  const base = ctx.config.publicUrl?.replace(/\/+$/, '');
  const path =
    n.kind === 'monitoring.assigned'
      ? `/monitoring/submissions/${encodeURIComponent(n.entity_id)}`
      : '/monitoring/review?queue=mine';
  const link = base ? `${base}${path}` : null;
  await sendMail(smtp, { to: decryptUser(envelope(ctx), user).email, ...composeAssignedEmail(locale, link) });
  return true;
}

/** Handle the e-mail job on this node. */
export function registerAssignedEmails(ctx: AppContext): void {
  ctx.jobs.register(ASSIGNED_EMAIL_JOB, async (payload) => {
    await runAssignedEmail(ctx, payload);
  });
}
