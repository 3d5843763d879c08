import { Badge, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CardItem, CardList } from '../../../components/CardList';
import { TableScroll } from '../../../components/TableScroll';
import { useFormat } from '../../../intl/format';
import { AnchorLink } from '../../people/AnchorLink';
import { QUEUES, type Flags, type SubmissionRow } from '../api';
import { SubmissionStatusBadge } from '../labels';
import { siteContext } from '../siteWords';
import { AssigneeNote, FormCell, LockNote, SubmissionLink, useRowText } from './rowParts';

/** The triage marks a submission carries, as small badges. */
export function FlagBadges({
  flags,
  critical,
  copies = 0,
}: {
  flags: Flags;
  critical: boolean;
  /** Reports rejected as its duplicates. */
  copies?: number;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <Group gap={4}>
      {copies > 0 && (
        <Badge color="blue" variant="light" size="sm" tt="none" data-testid="copies-badge">
          {t('duplicates.badge', { count: copies })}
        </Badge>
      )}
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

/** The reports picked for a batch change (BulkBar); absent where the reader may not review. */
export interface Selection {
  ids: ReadonlySet<string>;
  toggle: (id: string) => void;
  /** Select every given report, or none of them when all are selected already. */
  toggleAll: (ids: string[]) => void;
}

function RowCheck({ s, sel }: { s: SubmissionRow; sel: Selection }): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  return (
    <Checkbox
      checked={sel.ids.has(s.id)}
      onChange={() => sel.toggle(s.id)}
      aria-label={t('bulk.selectRow', { time: fmt.dateTime(s.receivedAt) })}
      data-testid="row-select"
    />
  );
}

function PageCheck({ items, sel }: { items: SubmissionRow[]; sel: Selection }): ReactElement {
  const { t } = useTranslation('monitoring');
  const picked = items.filter((s) => sel.ids.has(s.id)).length;
  return (
    <Checkbox
      checked={picked > 0 && picked === items.length}
      indeterminate={picked > 0 && picked < items.length}
      onChange={() => sel.toggleAll(items.map((s) => s.id))}
      aria-label={t('bulk.selectPage')}
      data-testid="page-select"
    />
  );
}

function ReviewTable({
  items,
  sel,
  kind,
}: {
  items: SubmissionRow[];
  sel?: Selection | undefined;
  kind?: string | undefined;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const text = useRowText();
  return (
    <TableScroll minWidth={820} label={t('review.title')}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {sel && (
              <Table.Th w={40}>
                <PageCheck items={items} sel={sel} />
              </Table.Th>
            )}
            <Table.Th>{t('review.receivedAt')}</Table.Th>
            <Table.Th>{t('review.form')}</Table.Th>
            <Table.Th>
              {/* With no mission chosen the list may hold polling stations, prisons and courts at once. */}
              {t('review.site', kind ? siteContext(kind) : { context: 'any' })}
            </Table.Th>
            <Table.Th>{t('review.observer')}</Table.Th>
            <Table.Th>{t('review.status')}</Table.Th>
            <Table.Th>{t('review.marks')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id} data-testid="review-row">
              {sel && (
                <Table.Td>
                  <RowCheck s={s} sel={sel} />
                </Table.Td>
              )}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <SubmissionLink s={s} />
              </Table.Td>
              <Table.Td>
                <FormCell s={s} text={text} />
              </Table.Td>
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
                <FlagBadges flags={s.flags} critical={s.critical} copies={s.copies} />
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
function ReviewCards({ items, sel }: { items: SubmissionRow[]; sel?: Selection | undefined }): ReactElement {
  const { t } = useTranslation('monitoring');
  const text = useRowText();
  return (
    <Stack gap="xs">
      {sel && (
        <Group gap="xs">
          <PageCheck items={items} sel={sel} />
          <Text size="sm">{t('bulk.selectPage')}</Text>
        </Group>
      )}
      <ReviewCardList items={items} sel={sel} text={text} label={t('review.title')} />
    </Stack>
  );
}

function ReviewCardList({
  items,
  sel,
  text,
  label,
}: {
  items: SubmissionRow[];
  sel?: Selection | undefined;
  text: ReturnType<typeof useRowText>;
  label: string;
}): ReactElement {
  return (
    <CardList label={label}>
      {items.map((s) => (
        <CardItem key={s.id} testId="review-row">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Group gap="xs" wrap="nowrap">
              {sel && <RowCheck s={s} sel={sel} />}
              <SubmissionLink s={s} />
            </Group>
            <SubmissionStatusBadge status={s.status} />
          </Group>
          {/* The form's name opens the report too: on a phone it is what people tap, not the date. The
                date stays the one link in the tab order. */}
          <AnchorLink
            to="/monitoring/submissions/$id"
            params={{ id: s.id }}
            size="sm"
            c="inherit"
            tabIndex={-1}
            data-testid="submission-form-link"
          >
            {text.form(s)}
          </AnchorLink>
          {text.headline(s) && (
            <Text size="sm" fw={500} data-testid="row-headline">
              {text.headline(s)}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {[text.site(s), text.region(s), s.observerName].filter(Boolean).join(' · ')}
          </Text>
          <LockNote s={s} />
          <AssigneeNote s={s} />
          <FlagBadges flags={s.flags} critical={s.critical} copies={s.copies} />
        </CardItem>
      ))}
    </CardList>
  );
}

/** A page of the review queue: a table on wide screens, one card per report on a phone. */
export function ReviewResults({
  items,
  phone,
  selection,
  kind,
}: {
  items: SubmissionRow[];
  phone: boolean;
  selection?: Selection | undefined;
  /** The chosen mission's kind, which names the site column; none when all missions are listed. */
  kind?: string | undefined;
}): ReactElement {
  return phone ? (
    <ReviewCards items={items} sel={selection} />
  ) : (
    <ReviewTable items={items} sel={selection} kind={kind} />
  );
}
