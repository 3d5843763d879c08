import { z } from 'zod';
import { isLocale } from '../../../core/i18n/index.ts';
import type { Locale, Role } from '../../../core/roles.ts';
import { capabilitiesOf } from '../../platform/access/policy.ts';
import { envelope, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { sendMail } from '../../platform/mail.ts';
import { notificationsRepo, type NotificationRow } from '../calendar/calendar.repo.ts';
import { decryptUser } from '../users/users.presenter.ts';
import { usersRepo, type UserRow } from '../users/users.repo.ts';

/**
 * A bell notice of monitoring also sent by e-mail, when SMTP is configured (critical incidents,
 * reports given to someone). E-mail crosses servers the organisation does not control, so the message
 * holds a link and nothing about the reports; the link opens them through their own access checks.
 * Rules shared by every kind: none once the notice is read, none while an earlier notice of the same
 * kinds from the quiet time before it is unread (a busy day must not become fifty e-mails), none to a
 * person who turned that e-mail off, is no longer active, or may no longer review.
 */
export interface NoticeMail {
  job: string;
  /** The notice kinds this e-mail is for; an unread one of them keeps the next ones quiet. */
  kinds: readonly string[];
  quietMinutes: number;
  /** After the notice: time for someone at their desk to read the bell first. */
  delayMs: number;
  /** The person's own choice in their profile. */
  wanted(user: UserRow): boolean;
  /** Where the link goes, within Ukuk. */
  path(n: NotificationRow): string;
  compose(locale: Locale, link: string | null): { subject: string; text: string };
}

const Payload = z.object({ notificationId: z.string().min(1) });

/** Queue the e-mail of a new notice in the caller's transaction, when SMTP is configured. */
export async function queueNoticeMail(
  ctx: AppContext,
  db: Executor,
  mail: NoticeMail,
  notificationId: string,
): Promise<void> {
  if (!ctx.config.smtp) return;
  await ctx.jobs.enqueue(
    db,
    mail.job,
    { notificationId },
    {
      uniqueKey: `${mail.job}:${notificationId}`,
      ...(mail.delayMs ? { runAt: new Date(Date.now() + mail.delayMs) } : {}),
    },
  );
}

/**
 * An unread notice of the same kinds and reader from the quiet time before this one. Notices of one
 * burst share a millisecond now and then: of those, the one with the smallest id counts as first.
 */
async function unreadBefore(db: Executor, mail: NoticeMail, n: NotificationRow): Promise<boolean> {
  const since = new Date(Date.parse(n.created_at) - mail.quietMinutes * 60_000).toISOString();
  const row = await db
    .selectFrom('notifications')
    .select('id')
    .where('user_id', '=', n.user_id)
    .where('kind', 'in', [...mail.kinds])
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

/** Send the e-mail of one notice if the rules above allow; true when it went out. */
export async function runNoticeMail(ctx: AppContext, mail: NoticeMail, raw: unknown): Promise<boolean> {
  const smtp = ctx.config.smtp;
  if (!smtp) return false;
  const { notificationId } = Payload.parse(raw);
  const n = await notificationsRepo.byId(ctx.db, notificationId);
  if (!n || !mail.kinds.includes(n.kind) || n.read_at !== null) return false;
  if (await unreadBefore(ctx.db, mail, n)) return false;
  const user = await usersRepo.byId(ctx.db, n.user_id);
  if (!user || user.status !== 'active' || !mail.wanted(user)) return false;
  // A reader whose role lost the review right since would be sent to reports they cannot open.
  if (!capabilitiesOf(user.role as Role).includes('monitoring.review')) return false;
  const locale = isLocale(user.locale) ? user.locale : 'en';
  const base = ctx.config.publicUrl?.replace(/\/+$/, '');
  const link = base ? `${base}${mail.path(n)}` : null;
  await sendMail(smtp, { to: decryptUser(envelope(ctx), user).email, ...mail.compose(locale, link) });
  return true;
}

/** Handle the e-mail job on this node. */
export function registerNoticeMail(ctx: AppContext, mail: NoticeMail): void {
  ctx.jobs.register(mail.job, async (payload) => {
    await runNoticeMail(ctx, mail, payload);
  });
}
