import { Box, Group, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactElement, SVGProps } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../intl/format';
import { TableScroll } from './TableScroll';

// The pieces of the choropleth: its shades, the legend, the dots of the cities and the table alternative.

/** Light to dark shades of the app's blue (theme.ts), far enough apart to tell five classes apart. */
export const PALETTE = ['#dbe4f3', '#88a6d9', '#4f7ac8', '#2a559c', '#14294a'] as const;
export const NO_DATA_FILL = '#f1f3f5';
export const NO_DATA_HATCH = '#868e96';
export const BORDER = '#ffffff';
export const REGION_BORDER = '#495057';
export const HIGHLIGHT = '#212529';
/** Diameter of a city dot in screen pixels. */
export const DOT_SIZE = 10;

export interface ValueClass {
  /** Smallest and largest value that falls in the class (shown in the legend). */
  from: number;
  to: number;
  color: string;
}

/**
 * Splits the values into at most five classes holding about equally many values (quantiles), so skewed
 * counts (one busy city, many quiet districts) still spread over the shades. Equal values always share a
 * class, and no class is empty.
 */
export function valueClasses(values: readonly number[]): {
  classes: ValueClass[];
  classOf: (value: number) => number;
} {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const counts = new Map<number, number>();
  for (const v of sorted) counts.set(v, (counts.get(v) ?? 0) + 1);
  const distinct = [...counts.keys()];
  // Lower bounds of the classes after the first. A class closes once it holds its share of the values
  // still to place, or when the distinct values left are just enough for the classes left.
  const starts: number[] = [];
  let classesLeft = Math.min(PALETTE.length, distinct.length);
  let left = sorted.length;
  let inClass = 0;
  distinct.forEach((v, i) => {
    inClass += counts.get(v)!;
    const after = distinct.length - i - 1;
    if (classesLeft > 1 && (inClass >= left / classesLeft || after === classesLeft - 1)) {
      starts.push(distinct[i + 1]!);
      left -= inClass;
      inClass = 0;
      classesLeft--;
    }
  });
  const classOf = (value: number): number => starts.filter((t) => t <= value).length;
  const n = distinct.length ? starts.length + 1 : 0;
  const classes: ValueClass[] = [];
  for (let c = 0; c < n; c++) {
    const members = sorted.filter((v) => classOf(v) === c);
    // With fewer classes than shades, spread them over the whole range so the contrast stays. A lone
    // class of zeros (nothing reported anywhere yet) takes the palest shade: 0 drawn mid-blue read as
    // a busy map.
    const lone = members.at(-1) === 0 ? 0 : 2;
    const shade = n === 1 ? lone : Math.round((c * (PALETTE.length - 1)) / (n - 1));
    classes.push({ from: members[0]!, to: members.at(-1)!, color: PALETTE[shade]! });
  }
  return { classes, classOf };
}
export function Dot({
  at,
  fill,
  ring = 1.5,
  ...events
}: {
  at: readonly [number, number];
  fill: string;
  ring?: number;
} & Pick<SVGProps<SVGGElement>, 'cursor' | 'onMouseEnter' | 'onMouseLeave' | 'onClick'>): ReactElement {
  const d = `M${at[0]} ${at[1]}h0`;
  const dot = (stroke: string, width: number): ReactElement => (
    <path d={d} stroke={stroke} strokeWidth={width} strokeLinecap="round" vectorEffect="non-scaling-stroke" />
  );
  return (
    <g aria-hidden="true" {...events}>
      {dot(BORDER, DOT_SIZE + 2 * ring + 3)}
      {dot(HIGHLIGHT, DOT_SIZE + 2 * ring)}
      {dot(fill, DOT_SIZE)}
    </g>
  );
}

export function Swatch({ fill }: { fill: string }): ReactElement {
  return (
    <svg width="18" height="18" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="17" height="17" rx="3" fill={fill} stroke={NO_DATA_HATCH} />
    </svg>
  );
}

export function Legend({
  unit,
  classes,
  hatchId,
  showNoData,
  noData,
  showMarker = false,
}: {
  unit: string;
  classes: ValueClass[];
  hatchId: string;
  showNoData: boolean;
  noData: string;
  /** Some areas are drawn as circles (too small to see as shapes): the legend says what a circle is. */
  showMarker?: boolean;
}): ReactElement {
  const { t } = useTranslation('geo');
  const format = useFormat();
  const label = (c: ValueClass): string =>
    c.from === c.to
      ? format.number(c.from)
      : t('map.range', { from: format.number(c.from), to: format.number(c.to) });
  return (
    <Box component="figure" m={0}>
      <Text component="figcaption" size="sm" fw={500}>
        {unit}
      </Text>
      <Group component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {classes.map((c) => (
          <Group component="li" key={c.color} gap={6} wrap="nowrap">
            <Swatch fill={c.color} />
            <Text size="sm">{label(c)}</Text>
          </Group>
        ))}
        {showNoData && (
          <Group component="li" gap={6} wrap="nowrap">
            <Swatch fill={`url(#${hatchId})`} />
            <Text size="sm">{noData}</Text>
          </Group>
        )}
      </Group>
      {showMarker && (
        <Group gap={6} wrap="nowrap" mt={6} align="flex-start" data-testid="map-marker-legend">
          <svg
            width="18"
            height="18"
            viewBox="0 0 18 18"
            aria-hidden="true"
            focusable="false"
            style={{ flex: 'none' }}
          >
            <Dot at={[9, 9]} fill={classes[Math.floor(classes.length / 2)]?.color ?? NO_DATA_FILL} />
          </svg>
          <Text size="sm">{t('map.marker')}</Text>
        </Group>
      )}
    </Box>
  );
}

export function ValueTable({
  level,
  unit,
  rows,
  onSelect,
  noData,
}: {
  level: 1 | 2;
  unit: string;
  rows: { id: string; name: string; value: number | undefined }[];
  onSelect: ((id: string) => void) | undefined;
  noData: string;
}): ReactElement {
  const { t } = useTranslation('geo');
  const format = useFormat();
  const areaHeader = t(level === 1 ? 'map.columnRegion' : 'map.columnDistrict');
  return (
    <details>
      <Text component="summary" size="sm" style={{ cursor: 'pointer' }}>
        {t('map.showTable')}
      </Text>
      <TableScroll minWidth={280} label={unit}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{areaHeader}</Table.Th>
              <Table.Th scope="col" ta="end">
                {unit}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row" fw={400}>
                  {onSelect ? (
                    <UnstyledButton fz="sm" td="underline" onClick={() => onSelect(r.id)}>
                      {r.name}
                    </UnstyledButton>
                  ) : (
                    r.name
                  )}
                </Table.Th>
                <Table.Td ta="end">{r.value === undefined ? noData : format.number(r.value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </details>
  );
}
