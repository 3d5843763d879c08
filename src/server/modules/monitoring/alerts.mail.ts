import { z } from 'zod';
import { isLocale } from '../../../core/i18n/index.ts';
import { CRITICAL_EMAIL_QUIET_MINUTES } from '../../../core/alerts.ts';
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
 * Critical-incident alerts by e-mail, when SMTP is configured: a coordinator who is not looking at
 * Ukuk on election day still learns that something needs them at once.
 *
 * The e-mail says that a critical incident was reported and links to it, nothing more: no place, no
 * site code, no mission, no answer, because e-mail crosses servers the organisation does not control
 * and a site code plus "critical" already tells a reader where something happened. The link opens
 * the report through its own access checks.
 *
 * One e-mail per burst: while a coordinator has an unread critical notice from the last
 * `QUIET_MINUTES`, further ones wait in the bell; a busy polling day must not become fifty e-mails. A
 * notice read in the bell before its e-mail goes out is not e-mailed at all.
 */
export const CRITICAL_EMAIL_JOB = 'monitoring.critical_email';
export const QUIET_MINUTES = CRITICAL_EMAIL_QUIET_MINUTES;
/** The bell notice of a critical report (alerts.job.ts writes it). */
export const CRITICAL_NOTICE = 'monitoring.critical';

const Payload = z.object({ notificationId: z.string().min(1) });

/** Queue the e-mail of a new critical notice in the caller's transaction, when SMTP is configured. */
export async function queueCriticalEmail(
  ctx: AppContext,
  tx: Executor,
  notificationId: string,
): Promise<void> {
  if (!ctx.config.smtp) return;
  await ctx.jobs.enqueue(
    tx,
    CRITICAL_EMAIL_JOB,
    { notificationId },
    { uniqueKey: `${CRITICAL_EMAIL_JOB}:${notificationId}` },
  );
}

/** Subject and plain-text body in the reader's language; `link` null when no public address is set. */
export function composeCriticalEmail(locale: Locale, link: string | null): { subject: string; text: string } {
  const lines = [
    tr(locale, 'monitoring:alertEmail.intro'),
    '',
    link ? tr(locale, 'monitoring:alertEmail.link', { link }) : tr(locale, 'monitoring:alertEmail.noLink'),
    '',
    tr(locale, 'monitoring:alertEmail.footer', { count: QUIET_MINUTES }),
  ];
  return { subject: tr(locale, 'monitoring:alertEmail.subject'), text: lines.join('\n') };
}

/**
 * An unread critical notice of the same reader from the quiet time before this one (the reader was
 * e-mailed about it, or is about to be). Notices of one burst share a millisecond now and then: of
 * those, the one with the smallest id counts as first.
 */
async function unreadBefore(db: Executor, n: { id: string; user_id: string; created_at: string }) {
  const since = new Date(Date.parse(n.created_at) - QUIET_MINUTES * 60_000).toISOString();
  const row = await db
    .selectFrom('notifications')
    .select('id')
    .where('user_id', '=', n.user_id)
    .where('kind', '=', CRITICAL_NOTICE)
    .where('read_at', 'is', null)
    .where('created_at', '>=', since)
    .where((eb) =>
      eb.or([
        eb('created_at', '<', n.created_at),
        eb.and([eb('created_at', '=', n.created_at), eb('id', '<', n.id)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * E-mail one critical notice unless it is read, a recent one is still unread, the reader turned these
 * e-mails off, or may no longer review.
 */
export async function runCriticalEmail(ctx: AppContext, raw: unknown): Promise<boolean> {
  const smtp = ctx.config.smtp;
  if (!smtp) return false;
  const { notificationId } = Payload.parse(raw);
  const n = await notificationsRepo.byId(ctx.db, notificationId);
  if (!n || n.kind !== CRITICAL_NOTICE || n.read_at !== null) return false;
  if (await unreadBefore(ctx.db, n)) return false;
  const user = await usersRepo.byId(ctx.db, n.user_id);
  // A reader who turned these e-mails off in their profile still has the notice in the bell.
  if (!user || user.status !== 'active' || user.email_critical !== 1) return false;
  // A reader whose role lost the review right since would be sent to a report they cannot open.
  if (!capabilitiesOf(user.role as Role).includes('monitoring.review')) return false;
  const locale = isLocale(user.locale) ? user.locale : 'en';
  const base = ctx.config.publicUrl?.replace(/\/+$/, '');
  const link = base ? `${base}/monitoring/submissions/${encodeURIComponent(n.entity_id)}` : null;
  await sendMail(smtp, { to: decryptUser(envelope(ctx), user).email, ...composeCriticalEmail(locale, link) });
  return true;
}

/** Handle the e-mail job on this node. */
export function registerCriticalEmails(ctx: AppContext): void {
  ctx.jobs.register(CRITICAL_EMAIL_JOB, async (payload) => {
    await runCriticalEmail(ctx, payload);
  });
}
