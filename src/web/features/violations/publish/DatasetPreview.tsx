import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isDistrictId, isRegionCode } from '../../../../core/geo/regions';
import { TableScroll } from '../../../components/TableScroll';
import { useFormat } from '../../../intl/format';
import { useGeoNames } from '../../cases/labels';
import type { StatsBy } from '../stats/api';
import { useCodeLabel, useRightLabel } from '../stats/labels';
import type { PublicDataset } from './api';

/** Labels of every breakdown's codes, as the public will read them. */
function useByLabel(): (by: StatsBy, code: string) => string {
  const { t } = useTranslation('vstats');
  const geo = useGeoNames();
  const acts = useCodeLabel('esf_types_of_acts');
  const perpetrators = useCodeLabel('esf_types_of_perpetrators');
  const right = useRightLabel();
  return (by, code) => {
    if (code === 'unknown') return t('breakdown.notRecorded');
    switch (by) {
      case 'actType':
        return acts(code);
      case 'perpetratorType':
        return perpetrators(code);
      case 'right':
        return right(code);
      case 'region':
      case 'district':
        return isDistrictId(code) ? geo.district(code) : isRegionCode(code) ? geo.region(code) : code;
      case 'sex':
      case 'ageGroup':
      case 'vulnerability':
        return t(`cases:stats.${by}.${code}`, { defaultValue: code });
      default:
        return code;
    }
  };
}

/**
 * The anonymised dataset exactly as it would be published: a withheld cell shows "<5" (the
 * threshold), never its value, so the preview cannot leak what publication hides.
 */
export function DatasetPreview({ d }: { d: PublicDataset }): ReactElement {
  const { t } = useTranslation('vstats');
  const fmt = useFormat();
  const label = useByLabel();
  const cell = (n: number | null) =>
    n === null ? t('publish.suppressed', { threshold: d.threshold }) : fmt.number(n);
  const totals = (['events', 'acts', 'victims', 'groupVictims'] as const).map((k) => ({
    k,
    v: d.totals[k],
  }));
  return (
    <Stack gap="md" data-testid="publication-preview">
      <Text size="sm">
        {t('publish.suppressedNote', {
          count: d.suppressedCells,
          formatted: fmt.number(d.suppressedCells),
          threshold: d.threshold,
        })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        {totals.map(({ k, v }) => (
          <Card key={k} withBorder radius="md" p="sm" data-testid={`preview-total-${k}`}>
            <Text fw={700} fz="xl" data-suppressed={v === null ? '1' : '0'}>
              {cell(v)}
            </Text>
            <Text size="sm">{t(`publish.total.${k}`)}</Text>
          </Card>
        ))}
      </SimpleGrid>
      {d.tables.map((tb) => (
        <Card
          key={`${tb.by}-${tb.unit}`}
          withBorder
          radius="md"
          p="sm"
          data-testid={`preview-table-${tb.by}`}
        >
          <Title order={3} size="h5" mb={6}>
            {t('breakdown.titleWithUnit', {
              title: t(`breakdown.${tb.by}`),
              unit: t(`breakdown.by.${tb.unit}`),
            })}
          </Title>
          {tb.rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('breakdown.none')}
            </Text>
          ) : (
            <TableScroll minWidth={280} label={t(`breakdown.${tb.by}`)}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t(`breakdown.${tb.by}`)}</Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t(`unit.${tb.unit}`)}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tb.rows.map((r) => (
                    <Table.Tr
                      key={r.code}
                      data-testid="preview-cell"
                      data-suppressed={r.count === null ? '1' : '0'}
                    >
                      <Table.Th scope="row" fw={400} style={{ overflowWrap: 'anywhere' }}>
                        {label(tb.by, r.code)}
                      </Table.Th>
                      <Table.Td ta="end" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {cell(r.count)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
          {tb.overlapping && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('breakdown.overlapping')}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}
