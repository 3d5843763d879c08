/**
 * While a critical-incident alert of this many minutes ago is unread, the next ones wait in the bell
 * and are not e-mailed (a busy polling day must not become fifty e-mails). Shared by the e-mail job
 * and the profile page that explains it; kept apart from the schemas so the web bundle stays small.
 */
export const CRITICAL_EMAIL_QUIET_MINUTES = 10;
