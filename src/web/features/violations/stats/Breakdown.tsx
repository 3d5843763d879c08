import { Box, Card, Group, Table, Text, Title } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsBreakdown } from './api';
import { useCount } from './count';

const BAR = 'var(--mantine-color-ukuk-7)';
const HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
} as const;

/**
 * One breakdown as a table with a bar in each row. The title says what is counted ("by victims"), and
 * every number carries its unit ("3 acts"): a bar alone says nothing to a screen reader or a printout.
 */
export function Breakdown({
  title,
  data,
  label,
  controls,
  children,
  chronological,
  testId,
}: {
  title: string;
  data: StatsBreakdown | undefined;
  label: (code: string) => string;
  /** Beside the title (the roll-up level of act types, year/month). */
  controls?: ReactNode;
  /** Above the table (the map). */
  children?: ReactNode;
  /** Periods read in time order, not by size. */
  chronological?: boolean;
  testId: string;
}): ReactElement | null {
  const { t } = useTranslation('vstats');
  const count = useCount();
  if (!data) return null;
  const rows = [...data.rows].sort((a, b) =>
    chronological ? a.code.localeCompare(b.code) : b.count - a.count,
  );
  const max = Math.max(1, ...rows.map((r) => r.count));
  const heading = t('breakdown.titleWithUnit', { title, unit: t(`breakdown.by.${data.unit}`) });
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId} data-unit={data.unit}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
        <Title order={2} size="h4" style={{ minWidth: 0 }}>
          {heading}
        </Title>
        {controls}
      </Group>
      {children}
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('breakdown.none')}
        </Text>
      ) : (
        <Table verticalSpacing={6} horizontalSpacing={0} layout="fixed">
          {data.overlapping && (
            <Table.Caption style={{ captionSide: 'top', textAlign: 'start', margin: 0, paddingBottom: 4 }}>
              <Text size="xs" c="dimmed" component="span">
                {t('breakdown.overlapping')}
              </Text>
            </Table.Caption>
          )}
          <Table.Thead style={HIDDEN}>
            <Table.Tr>
              <Table.Th scope="col">{title}</Table.Th>
              <Table.Th scope="col">{t(`breakdown.by.${data.unit}`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.code} data-testid="vbar-row" data-value={r.code} data-count={r.count}>
                <Table.Th scope="row" fw={400} w="45%" pr="sm" style={{ overflowWrap: 'anywhere' }}>
                  <Text size="sm">{r.code === 'unknown' ? t('breakdown.notRecorded') : label(r.code)}</Text>
                </Table.Th>
                <Table.Td>
                  <Box style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                    <Box
                      aria-hidden="true"
                      h={14}
                      style={{
                        width: `${Math.max(2, (r.count / max) * 100)}%`,
                        minWidth: 2,
                        background: BAR,
                        borderRadius: 3,
                        // The bar gives way to the number and its unit, never the other way round.
                        flexShrink: 1,
                      }}
                    />
                    <Text
                      size="sm"
                      fw={600}
                      style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
                      data-testid="vbar-value"
                    >
                      {count(data.unit, r.count)}
                    </Text>
                  </Box>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
