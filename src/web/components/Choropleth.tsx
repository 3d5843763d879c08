import { Box, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useId, useMemo, useState, type KeyboardEvent, type ReactElement, type SVGProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { districtName, districtsOf, DISTRICTS, isRegionCode, regionName } from '../../core/geo/regions';
import { asLocale, type Locale } from '../i18n';
import { useFormat } from '../intl/format';
import { LEVEL1_SHAPES, LEVEL2_SHAPES, MAP_HEIGHT, MAP_WIDTH, type MapShape } from './geo-paths';
import { TableScroll } from './TableScroll';

/** Light to dark shades of the app's blue (theme.ts), far enough apart to tell five classes apart. */
const PALETTE = ['#dbe4f3', '#88a6d9', '#4f7ac8', '#2a559c', '#14294a'] as const;
const NO_DATA_FILL = '#f1f3f5';
const NO_DATA_HATCH = '#868e96';
const BORDER = '#ffffff';
const REGION_BORDER = '#495057';
const HIGHLIGHT = '#212529';
/** Diameter of a city dot in screen pixels. */
const DOT_SIZE = 10;

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

interface Area {
  id: string;
  name: string;
  shape: MapShape;
}

/** The shapes of one level with names in the UI language, in alphabetical (= tab and table) order. */
function areasOf(level: 1 | 2, locale: Locale, t: TFunction<'geo'>): Area[] {
  const regionAreas = (shapes: readonly MapShape[]): Area[] =>
    shapes.flatMap((shape) =>
      isRegionCode(shape.id) ? [{ id: shape.id, name: regionName(shape.id, locale), shape }] : [],
    );
  let areas: Area[];
  if (level === 1) {
    areas = regionAreas(LEVEL1_SHAPES);
  } else {
    // Bishkek and Osh city have no districts: at level 2 they are units of their own.
    const cities = LEVEL1_SHAPES.filter((s) => isRegionCode(s.id) && districtsOf(s.id).length === 0);
    const shapeById = new Map(LEVEL2_SHAPES.map((s) => [s.id, s]));
    const districts = DISTRICTS.flatMap((d) => {
      const shape = shapeById.get(d.id);
      if (!shape) return [];
      const name = t('map.districtInRegion', {
        district: districtName(d.id, locale),
        region: regionName(d.region, locale),
      });
      return [{ id: d.id, name, shape }];
    });
    areas = [...districts, ...regionAreas(cities)];
  }
  return areas.sort((a, b) => a.name.localeCompare(b.name, locale));
}

export interface ChoroplethProps {
  /** 1: the 9 regions; 2: the 51 districts plus the cities of Bishkek and Osh. */
  level: 1 | 2;
  /** Values by region code (level 1) or district id / city region code (level 2); missing = no data. */
  values: Readonly<Record<string, number>>;
  /** What the values count, already translated (legend title and table header), e.g. "Cases". */
  unit: string;
  /** Called with the region code or district id a person clicks or presses Enter on. */
  onSelect?: (id: string) => void;
  /** The region code or district id to outline as chosen. */
  selected?: string;
  /** What a missing value means here, when not simply "no data" (public figures withhold small counts). */
  noDataLabel?: string;
}

/** An SVG choropleth of Kyrgyzstan with a legend and a table alternative; no data leaves the app. */
export function Choropleth({
  level,
  values,
  unit,
  onSelect,
  selected,
  noDataLabel,
}: ChoroplethProps): ReactElement {
  const { t, i18n } = useTranslation('geo');
  const noData = noDataLabel ?? t('map.noData');
  const locale = asLocale(i18n.resolvedLanguage ?? i18n.language) ?? 'ky';
  const format = useFormat();
  const areas = useMemo(() => areasOf(level, locale, t), [level, locale, t]);
  const { classes, classOf } = useMemo(
    () => valueClasses(areas.flatMap((a) => (a.id in values ? [values[a.id]!] : []))),
    [areas, values],
  );
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const hatchId = `${useId().replace(/[^\w-]/g, '')}-no-data`;

  const valueOf = (id: string): number | undefined => (id in values ? values[id] : undefined);
  const fillOf = (id: string): string => {
    const v = valueOf(id);
    return v === undefined || !Number.isFinite(v) ? `url(#${hatchId})` : classes[classOf(v)]!.color;
  };
  const describe = (a: Area): string => {
    const v = valueOf(a.id);
    return t('map.item', { name: a.name, value: v === undefined ? noData : format.number(v) });
  };
  const active = areas.find((a) => a.id === (hovered ?? focused));
  const outlined = areas.filter((a) => a.id === selected || a === active);
  const select = (id: string): void => onSelect?.(id);
  const onKey = (e: KeyboardEvent, id: string): void => {
    if (onSelect && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      select(id);
    }
  };

  return (
    <Stack gap="sm">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        width="100%"
        role="group"
        aria-label={t(level === 1 ? 'map.labelRegions' : 'map.labelDistricts', { unit })}
      >
        <defs>
          <pattern
            id={hatchId}
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="8" height="8" fill={NO_DATA_FILL} />
            <line x1="0" y1="0" x2="0" y2="8" stroke={NO_DATA_HATCH} strokeWidth="2" />
          </pattern>
        </defs>
        {areas.map((a) => (
          <path
            key={a.id}
            d={a.shape.d}
            fill={fillOf(a.id)}
            fillRule="evenodd"
            stroke={BORDER}
            strokeWidth={level === 1 ? 1 : 0.75}
            strokeLinejoin="round"
            vectorEffect="non-scaling-stroke"
            tabIndex={0}
            role={onSelect ? 'button' : 'img'}
            aria-pressed={onSelect ? selected === a.id : undefined}
            // The focus outline is drawn below as a path that follows the shape.
            style={{ outline: 'none', cursor: onSelect ? 'pointer' : undefined }}
            onMouseEnter={() => setHovered(a.id)}
            onMouseLeave={() => setHovered(null)}
            onFocus={() => setFocused(a.id)}
            onBlur={() => setFocused(null)}
            onClick={() => select(a.id)}
            onKeyDown={(e) => onKey(e, a.id)}
          >
            <title>{describe(a)}</title>
          </path>
        ))}
        {level === 2 &&
          LEVEL1_SHAPES.map((s) => (
            <path
              key={s.id}
              d={s.d}
              fill="none"
              stroke={REGION_BORDER}
              strokeWidth={1.25}
              strokeLinejoin="round"
              vectorEffect="non-scaling-stroke"
              pointerEvents="none"
            />
          ))}
        {areas.map(({ id, shape }) =>
          shape.marker ? (
            <Dot
              key={id}
              at={shape.marker}
              fill={fillOf(id)}
              cursor={onSelect ? 'pointer' : undefined}
              onMouseEnter={() => setHovered(id)}
              onMouseLeave={() => setHovered(null)}
              onClick={() => select(id)}
            />
          ) : null,
        )}
        {outlined.map(({ id, shape }) => (
          <g key={id} pointerEvents="none" fill="none" strokeLinejoin="round">
            <path d={shape.d} stroke={BORDER} strokeWidth={5} vectorEffect="non-scaling-stroke" />
            <path d={shape.d} stroke={HIGHLIGHT} strokeWidth={2.5} vectorEffect="non-scaling-stroke" />
            {shape.marker && <Dot at={shape.marker} fill={fillOf(id)} ring={4} />}
          </g>
        ))}
      </svg>
      <Text size="sm" mih="1.5em">
        {active ? describe(active) : t('map.hint')}
      </Text>
      <Legend
        unit={unit}
        classes={classes}
        hatchId={hatchId}
        showNoData={areas.some((a) => !(a.id in values))}
        noData={noData}
      />
      <Text size="xs" c="dimmed">
        {t('map.attribution')}
      </Text>
      <ValueTable
        level={level}
        unit={unit}
        rows={areas.map((a) => ({ id: a.id, name: a.name, value: valueOf(a.id) }))}
        onSelect={onSelect}
        noData={noData}
      />
    </Stack>
  );
}

/**
 * A dot of fixed screen size (it stays big enough to see and tap on a phone): a zero-length line with
 * round caps and non-scaling strokes, white halo, dark ring, then the shape's fill.
 */
function Dot({
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

function Swatch({ fill }: { fill: string }): ReactElement {
  return (
    <svg width="18" height="18" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="17" height="17" rx="3" fill={fill} stroke={NO_DATA_HATCH} />
    </svg>
  );
}

function Legend({
  unit,
  classes,
  hatchId,
  showNoData,
  noData,
}: {
  unit: string;
  classes: ValueClass[];
  hatchId: string;
  showNoData: boolean;
  noData: string;
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
    </Box>
  );
}

function ValueTable({
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
