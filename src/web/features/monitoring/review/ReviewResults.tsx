import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/TableScroll';
import { useFormat } from '../../../intl/format';
import { AnchorLink } from '../../people/AnchorLink';
import { QUEUES, type Flags, type SubmissionRow } from '../api';
import { SubmissionStatusBadge, useRegionName } from '../labels';
import { useL10n } from '../l10n';

/** The triage marks a submission carries, as small badges. */
export function FlagBadges({ flags, critical }: { flags: Flags; critical: boolean }): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <Group gap={4}>
      {critical && (
        <Badge color="red" variant="filled" size="sm" tt="none">
          {t('review.critical')}
        </Badge>
      )}
      {QUEUES.filter((q) => flags[q]).map((q) => (
        <Badge key={q} color={q === 'urgent' ? 'orange' : 'gray'} variant="light" size="sm" tt="none">
          {t(`flags.${q}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** What a row says in words: its form, its site (or "public report") and region. */
function useRowText() {
  const { t } = useTranslation('monitoring');
  const l10n = useL10n();
  const region = useRegionName();
  return {
    form: (s: SubmissionRow) =>
      l10n(s.formTitle) || t(`forms:kind.${s.formKind}`, { defaultValue: s.formKind }),
    site: (s: SubmissionRow) => s.siteName ?? (s.source === 'public' ? t('review.publicReport') : '—'),
    region: (s: SubmissionRow) => (s.region ? region(s.region) : null),
  };
}

function SubmissionLink({ s }: { s: SubmissionRow }): ReactElement {
  const fmt = useFormat();
  return (
    <AnchorLink to="/monitoring/submissions/$id" params={{ id: s.id }} fw={600} data-testid="submission-link">
      {fmt.dateTime(s.receivedAt)}
    </AnchorLink>
  );
}

function LockNote({ s }: { s: SubmissionRow }): ReactElement | null {
  const { t } = useTranslation('monitoring');
  if (!s.lockedBy) return null;
  return (
    <Text size="xs" c="orange.8">
      {t('lock.short', { name: s.lockedBy })}
    </Text>
  );
}

function AssigneeNote({ s }: { s: SubmissionRow }): ReactElement | null {
  const { t } = useTranslation('monitoring');
  if (!s.assigneeName) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="row-assignee">
      {t('assign.short', { name: s.assigneeName })}
    </Text>
  );
}

function ReviewTable({ items }: { items: SubmissionRow[] }): ReactElement {
  const { t } = useTranslation('monitoring');
  const text = useRowText();
  return (
    <TableScroll minWidth={820} label={t('review.title')}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('review.receivedAt')}</Table.Th>
            <Table.Th>{t('review.form')}</Table.Th>
            <Table.Th>{t('review.site')}</Table.Th>
            <Table.Th>{t('review.observer')}</Table.Th>
            <Table.Th>{t('review.status')}</Table.Th>
            <Table.Th>{t('review.marks')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id} data-testid="review-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <SubmissionLink s={s} />
              </Table.Td>
              <Table.Td>{text.form(s)}</Table.Td>
              <Table.Td>
                {text.site(s)}
                {s.region && (
                  <Text size="xs" c="dimmed">
                    {text.region(s)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{s.observerName ?? '—'}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <SubmissionStatusBadge status={s.status} />
                  <LockNote s={s} />
                  <AssigneeNote s={s} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <FlagBadges flags={s.flags} critical={s.critical} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/**
 * One card per report on a phone: a region coordinator on election day reviews from the field, and
 * a six-column table there only scrolled sideways, with the status and marks out of sight.
 */
function ReviewCards({ items }: { items: SubmissionRow[] }): ReactElement {
  const { t } = useTranslation('monitoring');
  const text = useRowText();
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('review.title')}>
      {items.map((s) => (
        <Paper key={s.id} withBorder radius="md" p="sm" component="li" data-testid="review-row">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <SubmissionLink s={s} />
              <SubmissionStatusBadge status={s.status} />
            </Group>
            <Text size="sm">{text.form(s)}</Text>
            <Text size="xs" c="dimmed">
              {[text.site(s), text.region(s), s.observerName].filter(Boolean).join(' · ')}
            </Text>
            <LockNote s={s} />
            <AssigneeNote s={s} />
            <FlagBadges flags={s.flags} critical={s.critical} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** A page of the review queue: a table on wide screens, one card per report on a phone. */
export function ReviewResults({ items, phone }: { items: SubmissionRow[]; phone: boolean }): ReactElement {
  return phone ? <ReviewCards items={items} /> : <ReviewTable items={items} />;
}
