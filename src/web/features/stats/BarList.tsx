import { Box, Card, Table, Text, Title } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../intl/format';
import type { Breakdown } from './api';

const BAR = 'var(--mantine-color-ukuk-7)';

/**
 * One breakdown as a table with a bar in each row: the number is always written out (a bar alone
 * says nothing to a screen reader or a printout), and the unit is in the column header.
 */
export function BarList({
  title,
  unit,
  rows,
  label,
  children,
  testId,
}: {
  title: string;
  /** What the numbers count, e.g. "people". */
  unit: string;
  rows: Breakdown;
  label: (value: string) => string;
  /** Shown above the table (the region map). */
  children?: ReactNode;
  testId?: string;
}): ReactElement {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const sorted = [...rows].sort((a, b) => b.people - a.people);
  const max = Math.max(1, ...sorted.map((r) => r.people));
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Title order={2} size="h4" mb={4}>
        {title}
      </Title>
      {children}
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('stats.noBreakdown')}
        </Text>
      ) : (
        <Table verticalSpacing={6} horizontalSpacing={0} layout="fixed">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'start', margin: 0, paddingBottom: 4 }}>
            <Text size="xs" c="dimmed" component="span">
              {t('stats.unitNote')}
            </Text>
          </Table.Caption>
          <Table.Thead
            style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
          >
            <Table.Tr>
              <Table.Th scope="col">{title}</Table.Th>
              <Table.Th scope="col">{unit}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((r) => (
              <Table.Tr key={r.value} data-testid="bar-row" data-value={r.value}>
                <Table.Th scope="row" fw={400} w="45%" pr="sm" style={{ overflowWrap: 'anywhere' }}>
                  <Text size="sm">{label(r.value)}</Text>
                </Table.Th>
                <Table.Td>
                  <Box style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                    <Box
                      aria-hidden="true"
                      h={14}
                      style={{
                        width: `${Math.max(2, (r.people / max) * 100)}%`,
                        maxWidth: 'calc(100% - 4em)',
                        background: BAR,
                        borderRadius: 3,
                      }}
                    />
                    <Text size="sm" fw={600} data-testid="bar-value">
                      {fmt.number(r.people)}
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
