import { Badge, Group, Paper, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { TableScroll } from '../../components/TableScroll';
import { useVocabLabel } from '../../components/VocabPicker';
import { AnchorLink } from '../people/AnchorLink';
import { useGeoNames } from '../people/labels';
import type { EventSummary } from './api';
import { usePartialDates } from './labels';

/** The lock shown next to a restricted event: visible only to its members and explicit grants. */
export function RestrictedMark(): ReactElement {
  const { t } = useTranslation('violations');
  return (
    <Tooltip label={t('restricted.hint')}>
      <Text component="span" c="red.8" lh={0} data-testid="restricted-lock">
        <Icon name="lock" size={16} />
        <VisuallyHidden>{t('restricted.label')}</VisuallyHidden>
      </Text>
    </Tooltip>
  );
}

function EventTitle({ e }: { e: EventSummary }): ReactElement {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      {e.restricted && <RestrictedMark />}
      <AnchorLink
        to="/violations/$id"
        params={{ id: e.id }}
        fw={600}
        size="sm"
        style={{ overflowWrap: 'anywhere' }}
        data-testid="event-link"
      >
        {e.title}
      </AnchorLink>
    </Group>
  );
}

function useRow() {
  const { t } = useTranslation('violations');
  const geo = useGeoNames();
  const dates = usePartialDates();
  const act = useVocabLabel('esf_types_of_acts');
  const status = useVocabLabel('esf_violation_status');
  return (e: EventSummary) => ({
    date: dates.date(e.startDate) ?? t('form.notGiven'),
    region: geo.region(e.region) ?? '—',
    /** Only what is known, for the one-line summary on a card. */
    known: [e.number, dates.date(e.startDate), geo.region(e.region)].filter(Boolean).join(' · '),
    status: e.violationStatus ? status(e.violationStatus) : null,
    acts: e.actTypes.map(act).join(', '),
    counts: `${t('list.acts', { count: e.acts })} · ${t('list.victims', { count: e.victims })}`,
  });
}

function EventTable({ items }: { items: EventSummary[] }): ReactElement {
  const { t } = useTranslation('violations');
  const row = useRow();
  return (
    <TableScroll minWidth={860} label={t('list.title')}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.number')}</Table.Th>
            <Table.Th>{t('fields.title')}</Table.Th>
            <Table.Th>{t('fields.startDate')}</Table.Th>
            <Table.Th>{t('fields.region')}</Table.Th>
            <Table.Th>{t('fields.actTypes')}</Table.Th>
            <Table.Th>{t('fields.violationStatus')}</Table.Th>
            <Table.Th>{t('list.size')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => {
            const r = row(e);
            return (
              <Table.Tr key={e.id} data-testid="event-row" data-event-id={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" ff="monospace">
                    {e.number}
                  </Text>
                </Table.Td>
                <Table.Td maw={320}>
                  <EventTitle e={e} />
                </Table.Td>
                <Table.Td>{r.date}</Table.Td>
                <Table.Td>{r.region}</Table.Td>
                <Table.Td maw={260}>{r.acts || '—'}</Table.Td>
                <Table.Td>{r.status ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.counts}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function EventCards({ items }: { items: EventSummary[] }): ReactElement {
  const { t } = useTranslation('violations');
  const row = useRow();
  return (
    <Stack gap="xs" p="xs" component="ul" m={0} style={{ listStyle: 'none' }} aria-label={t('list.title')}>
      {items.map((e) => {
        const r = row(e);
        return (
          <Paper
            key={e.id}
            withBorder
            radius="md"
            p="sm"
            component="li"
            data-testid="event-row"
            data-event-id={e.id}
          >
            <Stack gap={6}>
              <EventTitle e={e} />
              <Text size="xs" c="dimmed">
                {r.known}
              </Text>
              {r.acts && (
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {r.acts}
                </Text>
              )}
              <Group gap={6}>
                {r.status && (
                  <Badge variant="light" tt="none" maw="100%">
                    {r.status}
                  </Badge>
                )}
                <Badge variant="default" tt="none">
                  {r.counts}
                </Badge>
              </Group>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** A page of events: a table on wide screens, one card per event on a phone. */
export function EventResults({ items, phone }: { items: EventSummary[]; phone: boolean }): ReactElement {
  return phone ? <EventCards items={items} /> : <EventTable items={items} />;
}
