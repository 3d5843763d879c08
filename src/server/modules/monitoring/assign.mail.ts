import type { Locale } from '../../../core/roles.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { tr } from '../../platform/i18n.ts';
import { queueNoticeMail, registerNoticeMail, type NoticeMail } from './notice.mail.ts';

/**
 * "Reports were given to you" by e-mail (notice.mail.ts has the rules every such e-mail follows): in
 * the days after an election the review goes on, and a reviewer who is not in Ukuk learns that work
 * waits for them. Nothing about the reports — no site, region, count or mission. It goes out a minute
 * after the bell notice, so that someone already at their desk reads the bell instead; batches that
 * follow add to the one notice (review.assign.ts), and while an earlier notice of this kind from the
 * last `QUIET_MINUTES` is unread, none goes out. One report links to it; several to "Mine".
 */
export const ASSIGNED_EMAIL_JOB = 'monitoring.assigned_email';
export const ASSIGNED_EMAIL_DELAY_MS = 60_000;
export const QUIET_MINUTES = 30;

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

const ASSIGNED_MAIL: NoticeMail = {
  job: ASSIGNED_EMAIL_JOB,
  kinds: ['monitoring.assigned', 'monitoring.assigned_many'],
  quietMinutes: QUIET_MINUTES,
  delayMs: ASSIGNED_EMAIL_DELAY_MS,
  wanted: (user) => user.email_assigned === 1,
  path: (n) =>
    n.kind === 'monitoring.assigned'
      ? `/monitoring/submissions/${encodeURIComponent(n.entity_id)}`
      : '/monitoring/review?queue=mine',
  compose: composeAssignedEmail,
};

/** Queue the e-mail of a new notice in the caller's transaction, when SMTP is configured. */
export function queueAssignedEmail(ctx: AppContext, db: Executor, notificationId: string): Promise<void> {
  return queueNoticeMail(ctx, db, ASSIGNED_MAIL, notificationId);
}

export function registerAssignedEmails(ctx: AppContext): void {
  registerNoticeMail(ctx, ASSIGNED_MAIL);
}
