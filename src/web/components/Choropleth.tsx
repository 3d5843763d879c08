import { Stack, Text } from '@mantine/core';
import {
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { districtName, districtsOf, DISTRICTS, isRegionCode, regionName } from '../../core/geo/regions';
import { asLocale, type Locale } from '../i18n';
import { useFormat } from '../intl/format';
import { LEVEL1_SHAPES, LEVEL2_SHAPES, MAP_HEIGHT, MAP_WIDTH, type MapShape } from './geo-paths';
import {
  BORDER,
  Dot,
  HIGHLIGHT,
  Legend,
  NO_DATA_FILL,
  NO_DATA_HATCH,
  REGION_BORDER,
  valueClasses,
  ValueTable,
} from './choropleth.parts';

export { valueClasses, type ValueClass } from './choropleth.parts';

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
  /**
   * Region codes to show alone, the map fitted to them: a region coordinator's own regions, whose
   * districts were a corner of the national map and whose table listed every district of the country.
   */
  focus?: readonly string[];
}

const REGION_OF = new Map<string, string>(DISTRICTS.map((d) => [d.id, d.region]));
/** The region of a map unit: a district's region, or the region (city) itself. */
const regionOf = (id: string) => (isRegionCode(id) ? id : REGION_OF.get(id));

/** An SVG choropleth of Kyrgyzstan with a legend and a table alternative; no data leaves the app. */
export function Choropleth({
  level,
  values,
  unit,
  onSelect,
  selected,
  noDataLabel,
  focus,
}: ChoroplethProps): ReactElement {
  const { t, i18n } = useTranslation('geo');
  const noData = noDataLabel ?? t('map.noData');
  const locale = asLocale(i18n.resolvedLanguage ?? i18n.language) ?? 'ky';
  const format = useFormat();
  const focusKey = focus?.join(',') ?? '';
  const areas = useMemo(() => {
    const all = areasOf(level, locale, t);
    const only = focusKey ? focusKey.split(',') : null;
    return only ? all.filter((a) => only.includes(regionOf(a.id) ?? '')) : all;
  }, [level, locale, t, focusKey]);
  // Fitted to the focused shapes once they are drawn (the browser measures the paths).
  const shapesRef = useRef<SVGGElement>(null);
  const [box, setBox] = useState<string | null>(null);
  useLayoutEffect(() => {
    const g = shapesRef.current;
    if (!focusKey || !g || typeof g.getBBox !== 'function') return setBox(null);
    const b = g.getBBox();
    const pad = Math.max(b.width, b.height) * 0.04;
    setBox(`${b.x - pad} ${b.y - pad} ${b.width + 2 * pad} ${b.height + 2 * pad}`);
  }, [focusKey, level]);
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
        viewBox={box ?? `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        // A region fitted to the width can stand taller than the national map: kept to a screenful.
        style={box ? { maxHeight: 420 } : undefined}
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
        <g ref={shapesRef}>
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
        </g>
        {level === 2 &&
          LEVEL1_SHAPES.filter((s) => !focusKey || focusKey.split(',').includes(s.id)).map((s) => (
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
        showMarker={areas.some((a) => a.shape.marker)}
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
