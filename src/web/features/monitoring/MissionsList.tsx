import { Group, Table, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CardItem, CardList } from '../../components/CardList';
import { TableScroll } from '../../components/TableScroll';
import { usePhone } from '../../components/usePhone';
import { useFormat } from '../../intl/format';
import { AnchorLink } from '../people/AnchorLink';
import type { MissionSummary } from './api';
import { MissionStatusBadge, PublicBadge } from './labels';
import { missionPeriod } from './period';
import { siteContext } from './siteWords';

function TitleLink({ m }: { m: MissionSummary }): ReactElement {
  return (
    <>
      <AnchorLink to="/monitoring/missions/$id" params={{ id: m.id }} fw={600} data-testid="mission-link">
        {m.title}
      </AnchorLink>
      {m.public && (
        <>
          {' '}
          <PublicBadge mission={m} size="xs" />
        </>
      )}
    </>
  );
}

/**
 * The missions as a table, or one card per mission on a phone: the six columns left only title, kind
 * and status in view, and the dates and counts a coordinator looks for behind a sideways scroll.
 */
export function MissionsList({ items }: { items: readonly MissionSummary[] }): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const phone = usePhone();
  // A dash, not an empty cell, for a mission without dates yet.
  const period = (m: MissionSummary) => missionPeriod(t, fmt, m.startsOn, m.endsOn) || '—';
  // Worded by each mission's kind: the list mixes elections, detention visits, trials.
  const sites = (m: MissionSummary) =>
    t('sites.count', { ...siteContext(m.kind), count: m.sites, n: fmt.number(m.sites) });
  if (phone)
    return (
      <CardList label={t('missions.title')}>
        {items.map((m) => (
          <CardItem key={m.id} testId={`mission-card-${m.id}`}>
            <div>
              <TitleLink m={m} />
            </div>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t(`missionKind.${m.kind}`)}
              </Text>
              <MissionStatusBadge status={m.status} />
            </Group>
            <Text size="sm" data-testid="mission-dates">
              {period(m)}
            </Text>
            <Text size="sm" c="dimmed">
              <span data-testid="mission-sites">{sites(m)}</span>
              {' · '}
              {t('missions.received')}: {fmt.number(m.received)}
            </Text>
          </CardItem>
        ))}
      </CardList>
    );
  return (
    <TableScroll minWidth={720} label={t('missions.title')}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('missions.titleLabel')}</Table.Th>
            <Table.Th>{t('missions.kind')}</Table.Th>
            <Table.Th>{t('missions.status')}</Table.Th>
            <Table.Th>{t('missions.dates')}</Table.Th>
            <Table.Th ta="end">{t('missions.sites')}</Table.Th>
            <Table.Th ta="end">{t('missions.received')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <TitleLink m={m} />
              </Table.Td>
              <Table.Td>{t(`missionKind.${m.kind}`)}</Table.Td>
              <Table.Td>
                <MissionStatusBadge status={m.status} />
              </Table.Td>
              {/* Kyrgyz dates break at their hyphen («6-/декабрь») in a narrow column. */}
              <Table.Td data-testid="mission-dates" style={{ whiteSpace: 'nowrap' }}>
                {period(m)}
              </Table.Td>
              <Table.Td ta="end" data-testid="mission-sites">
                {sites(m)}
              </Table.Td>
              <Table.Td ta="end">{fmt.number(m.received)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
