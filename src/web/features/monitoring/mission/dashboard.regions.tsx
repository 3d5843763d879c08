import { Anchor, Group, Progress, Table, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/TableScroll';
import { usePhone } from '../../../components/usePhone';
import { useFormat } from '../../../intl/format';
import { useRegionName } from '../labels';
import { siteContext } from '../siteWords';
import { countText, shareOf, WITHHELD, type DashboardData } from './dashboard.common';

/** The region's name; for reviewers a link to its sites still owing a checklist (whom to call). */
function RegionCell({
  name,
  kind,
  owing,
  onOpen,
}: {
  name: string;
  kind: string;
  owing: boolean;
  onOpen?: () => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  if (!onOpen || !owing) return <>{name}</>;
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      onClick={onOpen}
      aria-label={t('dashboard.regionSites', { ...siteContext(kind), region: name })}
    >
      {name}
    </Anchor>
  );
}

/** Column headers a size smaller on a phone: one long Kyrgyz word each sets the table's width. */
const TH_SIZE = { base: 'xs', xs: 'sm' };

/** Expected, received and coverage per region; sites without an observer where some lack one. */
export function ByRegion({
  s,
  kind,
  onRegion,
}: {
  s: DashboardData;
  kind: string;
  onRegion?: (region: string) => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const phone = usePhone();
  const region = useRegionName();
  const rows = [...s.byRegion].sort((a, b) => region(a.region).localeCompare(region(b.region)));
  // Only when some site lacks an observer: a column of zeros would only widen the table, and the
  // "Sites without an observer" figure above already says 0.
  const unstaffed = (s.unstaffed ?? 0) > 0;
  // On a phone the figure goes under the region's name instead of into a fifth column, which pushed
  // Coverage off the screen (ru «Без наблюдателя» beside «Ожидается» and «Получено»).
  const column = unstaffed && !phone;
  return (
    // Narrow spacing, and no coverage bar on a phone: the four columns fit 375 px without scrolling.
    <TableScroll minWidth={270} label={t('dashboard.byRegion')}>
      <Table horizontalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th fz={TH_SIZE}>{t('sites.region')}</Table.Th>
            {/* Short headers: the card's title says what is counted, and "checklists" twice (two long
                words in Kyrgyz) made the table scroll sideways on a phone. */}
            <Table.Th ta="end" fz={TH_SIZE}>
              {t('dashboard.expectedShort')}
            </Table.Th>
            <Table.Th ta="end" fz={TH_SIZE}>
              {t('dashboard.receivedShort')}
            </Table.Th>
            {column && (
              <Table.Th ta="end" fz={TH_SIZE}>
                {t('dashboard.unstaffedColumn')}
              </Table.Th>
            )}
            {/* A share of the width only beside the bar: on a phone the percent alone needs little. */}
            <Table.Th fz={TH_SIZE} w={{ base: 'auto', xs: column ? '28%' : '35%' }} miw={48}>
              {t('dashboard.coverage')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.region} data-testid={`region-row-${r.region}`}>
              <Table.Td>
                <RegionCell
                  name={region(r.region)}
                  kind={kind}
                  owing={r.received !== null && r.expected !== null && r.received < r.expected}
                  onOpen={onRegion && (() => onRegion(r.region))}
                />
                {unstaffed && phone && (r.unstaffed ?? 0) > 0 && (
                  <Text size="xs" fw={700} c="orange.9" data-testid="region-unstaffed-note">
                    {t('dashboard.unstaffedInRegion', { n: fmt.number(r.unstaffed ?? 0) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="end">{countText(r.expected, fmt.number)}</Table.Td>
              <Table.Td ta="end">{countText(r.received, fmt.number)}</Table.Td>
              {column && (
                <Table.Td
                  ta="end"
                  fw={(r.unstaffed ?? 0) > 0 ? 700 : undefined}
                  data-testid="region-unstaffed"
                >
                  {fmt.number(r.unstaffed ?? 0)}
                </Table.Td>
              )}
              <Table.Td>
                <Coverage share={shareOf(r.received, r.expected)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** A region's coverage: a bar and its percent, or a dash where there is no share to show. */
function Coverage({ share }: { share: number | null }): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <Group gap="xs" wrap="nowrap">
      {/* The bar only where there is room for it: on a phone the share alone keeps the table in view. */}
      <Progress value={Math.min(100, share ?? 0)} style={{ flex: 1 }} aria-hidden visibleFrom="xs" />
      <Text size="xs" miw={42} ta="end" style={{ whiteSpace: 'nowrap' }}>
        {share === null ? WITHHELD : t('dashboard.percent', { n: share })}
      </Text>
    </Group>
  );
}
