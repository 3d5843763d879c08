import { CRITICAL_EMAIL_QUIET_MINUTES } from '../../../core/alerts.ts';
import type { Locale } from '../../../core/roles.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { tr } from '../../platform/i18n.ts';
import { queueNoticeMail, registerNoticeMail, type NoticeMail } from './notice.mail.ts';

/**
 * Critical-incident alerts by e-mail (notice.mail.ts has the rules every such e-mail follows): a
 * coordinator who is not looking at Ukuk on election day still learns at once that something needs
 * them. No place, no site code, no mission, no answer: a site code plus "critical" already tells a
 * reader where something happened. Sent at once; while a critical notice of the last
 * `QUIET_MINUTES` is unread, the next ones wait in the bell.
 */
export const CRITICAL_EMAIL_JOB = 'monitoring.critical_email';
export const QUIET_MINUTES = CRITICAL_EMAIL_QUIET_MINUTES;
/** The bell notice of a critical report (alerts.job.ts writes it). */
export const CRITICAL_NOTICE = 'monitoring.critical';

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

const CRITICAL_MAIL: NoticeMail = {
  job: CRITICAL_EMAIL_JOB,
  kinds: [CRITICAL_NOTICE],
  quietMinutes: QUIET_MINUTES,
  delayMs: 0,
  wanted: (user) => user.email_critical === 1,
  path: (n) => `/monitoring/submissions/${encodeURIComponent(n.entity_id)}`,
  compose: composeCriticalEmail,
};

/** Queue the e-mail of a new critical notice in the caller's transaction, when SMTP is configured. */
export function queueCriticalEmail(ctx: AppContext, tx: Executor, notificationId: string): Promise<void> {
  return queueNoticeMail(ctx, tx, CRITICAL_MAIL, notificationId);
}

export function registerCriticalEmails(ctx: AppContext): void {
  registerNoticeMail(ctx, CRITICAL_MAIL);
}
