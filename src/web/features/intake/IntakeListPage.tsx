import { Button, Card, EmptyState, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { TableScroll } from '../../components/TableScroll';
import { useFormat } from '../../intl/format';
import { usePhone } from '../../components/usePhone';
import type { IntakeStatus, IntakeSummary } from './api';
import { StatusBadge, UrgencyBadge } from './IntakeBadges';
import { useIntakes } from './queries';
import { AnchorLink } from '../people/AnchorLink';

function NewButton(): ReactElement {
  const { t } = useTranslation('intake');
  return (
    <Button
      component={Link}
      to="/intake/new"
      leftSection={<Icon name="plus" size={16} />}
      data-testid="new-intake"
    >
      {t('list.new')}
    </Button>
  );
}

function IntakeLink({ item }: { item: IntakeSummary }): ReactElement {
  const { t } = useTranslation('intake');
  return (
    <AnchorLink to="/intake/$id" params={{ id: item.id }} fw={600} size="sm">
      {item.personName ?? t('who.hidden')}
    </AnchorLink>
  );
}

function IntakeTable({ items }: { items: IntakeSummary[] }): ReactElement {
  const { t } = useTranslation('intake');
  const fmt = useFormat();
  return (
    <TableScroll minWidth={640} label={t('list.title')}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.person')}</Table.Th>
            <Table.Th>{t('list.urgency')}</Table.Th>
            <Table.Th>{t('list.status')}</Table.Th>
            <Table.Th>{t('list.started')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id} data-testid="intake-row">
              <Table.Td>
                <IntakeLink item={i} />
              </Table.Td>
              <Table.Td>
                <UrgencyBadge urgency={i.urgency} />
              </Table.Td>
              <Table.Td>
                <StatusBadge status={i.status} decision={i.decision} />
              </Table.Td>
              <Table.Td>{fmt.dateTime(i.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function IntakeCards({ items }: { items: IntakeSummary[] }): ReactElement {
  const { t } = useTranslation('intake');
  const fmt = useFormat();
  return (
    <Stack gap="xs" p="xs" component="ul" m={0} style={{ listStyle: 'none' }} aria-label={t('list.title')}>
      {items.map((i) => (
        <Paper key={i.id} withBorder radius="md" p="sm" component="li" data-testid="intake-row">
          <Stack gap={6}>
            <IntakeLink item={i} />
            <Group gap={6}>
              <UrgencyBadge urgency={i.urgency} />
              <StatusBadge status={i.status} decision={i.decision} />
            </Group>
            <Text size="xs" c="dimmed">
              {t('list.startedAt', { date: fmt.dateTime(i.createdAt) })}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

type Filter = IntakeStatus | 'all';

const RANK = { critical: 0, high: 1, normal: 2, low: 3 } as const;

/** Drafts waiting longest at the same urgency come first; undecided urgency goes last. */
function byUrgency(a: IntakeSummary, b: IntakeSummary): number {
  const ra = a.urgency ? RANK[a.urgency] : 4;
  const rb = b.urgency ? RANK[b.urgency] : 4;
  return ra - rb || a.createdAt.localeCompare(b.createdAt);
}

/** `/intake`: drafts to resume and decided intakes, most urgent first among drafts. */
export function IntakeListPage(): ReactElement {
  const { t } = useTranslation('intake');
  const [filter, setFilter] = useState<Filter>('draft');
  const intakes = useIntakes(filter === 'all' ? undefined : filter);
  const phone = usePhone();
  const loaded = intakes.data?.items ?? [];
  const items = filter === 'draft' ? [...loaded].sort(byUrgency) : loaded;
  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description')} actions={<NewButton />} />
      <Stack>
        <SegmentedControl
          value={filter}
          onChange={setFilter}
          data={(['draft', 'decided', 'all'] as const).map((f) => ({
            value: f,
            label: t(`list.filter.${f}`),
          }))}
          style={{ alignSelf: 'flex-start' }}
          aria-label={t('list.filter.label')}
          data-testid="intake-filter"
        />
        <Card withBorder radius="md" padding={0}>
          {intakes.isPending && <PageLoader />}
          {intakes.error && (
            <Stack p="md">
              <ErrorAlert error={intakes.error} />
            </Stack>
          )}
          {intakes.data && items.length === 0 && (
            <EmptyState p="xl" title={t(`list.empty.${filter}`)} description={t('list.emptyHint')}>
              <EmptyState.Actions>
                <NewButton />
              </EmptyState.Actions>
            </EmptyState>
          )}
          {items.length > 0 && (phone ? <IntakeCards items={items} /> : <IntakeTable items={items} />)}
        </Card>
      </Stack>
    </>
  );
}
