import { Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { plausiblePhoneTime } from '../../../../core/phone-clock';
import { useFormat } from '../../../intl/format';
import { AnchorLink } from '../../people/AnchorLink';
import type { SubmissionRow } from '../api';
import { useRegionName } from '../labels';
import { useL10n } from '../l10n';

/* The parts of a review row that the table and the phone's cards share (ReviewResults.tsx). */

/** What a row says in words: its form, its site (or "public report") and region. */
export function useRowText() {
  const { t } = useTranslation('monitoring');
  const l10n = useL10n();
  const region = useRegionName();
  return {
    form: (s: SubmissionRow) =>
      l10n(s.formTitle) || t(`forms:kind.${s.formKind}`, { defaultValue: s.formKind }),
    headline: (s: SubmissionRow) => (s.headline ? l10n(s.headline) : null),
    site: (s: SubmissionRow) => s.siteName ?? (s.source === 'public' ? t('review.publicReport') : '—'),
    region: (s: SubmissionRow) => (s.region ? region(s.region) : null),
  };
}

/** The form's name; under it, for an incident, what happened (what tells one report from another). */
export function FormCell({
  s,
  text,
}: {
  s: SubmissionRow;
  text: ReturnType<typeof useRowText>;
}): ReactElement {
  const what = text.headline(s);
  return (
    <>
      {text.form(s)}
      {what && (
        <Text size="sm" fw={500} data-testid="row-headline">
          {what}
        </Text>
      )}
    </>
  );
}

export function SubmissionLink({ s }: { s: SubmissionRow }): ReactElement {
  const fmt = useFormat();
  const { t } = useTranslation('monitoring');
  const phone = Date.parse(s.submittedAt);
  const received = Date.parse(s.receivedAt);
  return (
    <Stack gap={0}>
      <AnchorLink
        to="/monitoring/submissions/$id"
        params={{ id: s.id }}
        fw={600}
        data-testid="submission-link"
      >
        {fmt.dateTime(s.receivedAt)}
      </AnchorLink>
      {/* A day or more between the phone's time and arrival: a report kept offline, or a wrong clock
          (orange, core/phone-clock.ts), which the dashboard's chart leaves out and links here for. */}
      {Math.abs(received - phone) >= DAY_MS && (
        <Text
          size="xs"
          c={plausiblePhoneTime(phone, received) ? 'dimmed' : 'orange.9'}
          data-testid="row-phone-time"
        >
          {t('review.phoneTime', { time: fmt.dateTime(s.submittedAt) })}
        </Text>
      )}
    </Stack>
  );
}
const DAY_MS = 86_400_000;

export function LockNote({ s }: { s: SubmissionRow }): ReactElement | null {
  const { t } = useTranslation('monitoring');
  if (!s.lockedBy) return null;
  return (
    <Text size="xs" c="orange.8">
      {s.lockedByMe ? t('lock.shortMine') : t('lock.short', { name: s.lockedBy })}
    </Text>
  );
}

export function AssigneeNote({ s }: { s: SubmissionRow }): ReactElement | null {
  const { t } = useTranslation('monitoring');
  if (!s.assigneeName) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="row-assignee">
      {t('assign.short', {
        name: s.assignedToMe ? t('assign.you', { name: s.assigneeName }) : s.assigneeName,
      })}
    </Text>
  );
}
