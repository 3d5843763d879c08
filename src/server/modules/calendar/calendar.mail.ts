import type { Locale } from '../../../core/roles.ts';
import { BISHKEK } from '../../../core/zoned-time.ts';
import { tr } from '../../platform/i18n.ts';

/** What a reminder e-mail may say: the case number, the kind, the time and the place. No names. */
export interface ReminderFacts {
  kind: 'hearing' | 'deadline';
  caseNumber: string;
  startsAt: string;
  court: string | null;
  room: string | null;
  offset: '1d' | '1h';
}

/** The time in Bishkek, written the reader's way. */
export function formatBishkek(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: BISHKEK,
  }).format(new Date(iso));
}

/** Subject and plain-text body of a reminder in the reader's language. */
export function composeReminder(locale: Locale, f: ReminderFacts): { subject: string; text: string } {
  const kind = tr(locale, `calendar:kind.${f.kind}`);
  const when = formatBishkek(locale, f.startsAt);
  const subject = tr(locale, 'calendar:email.subject', {
    kind,
    number: f.caseNumber,
    when: tr(locale, `calendar:email.offset.${f.offset}`),
  });
  const lines = [
    tr(locale, 'calendar:email.intro', { kind, number: f.caseNumber }),
    '',
    `${tr(locale, 'calendar:email.time')}: ${when}`,
    ...(f.court ? [`${tr(locale, 'calendar:email.court')}: ${f.court}`] : []),
    ...(f.room ? [`${tr(locale, 'calendar:email.room')}: ${f.room}`] : []),
    '',
    tr(locale, 'calendar:email.footer'),
  ];
  return { subject, text: lines.join('\n') };
}
