import { Card, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Choropleth } from '../../../components/Choropleth';
import { useFormat } from '../../../intl/format';
import { siteContext } from '../siteWords';
import { pct, type DashboardData } from './dashboard.common';

type Level = 1 | 2;

/**
 * The dashboard's map. Reviewers see each region's (or district's) share of the checklists it owes, so
 * the quiet places are the pale ones; a raw count shaded the big regions dark whatever was missing. The
 * public page keeps received counts (what it owes is not published), by region only. Districts come only
 * with the reviewers' figures (summary.districts.ts); a region coordinator starts on them, the map fitted
 * to their own regions.
 */
export function DashboardMap({
  s,
  kind,
  ownRegions,
}: {
  s: DashboardData;
  kind: string;
  /** A region coordinator's regions: districts first, and the district map fitted to these regions. */
  ownRegions?: readonly string[] | undefined;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const districts = s.byDistrict !== undefined;
  const [level, setLevel] = useState<Level>(districts && ownRegions ? 2 : 1);
  const reviewers = s.unstaffed !== undefined;
  const unplaced = s.unplaced ?? 0;
  const rows =
    level === 2 && s.byDistrict
      ? s.byDistrict.map((d) => ({ id: d.area, expected: d.expected, received: d.received }))
      : s.byRegion.map((r) => ({ id: r.region, expected: r.expected, received: r.received }));
  // Withheld counts stay off the map: a shade would give them away. A place that owes nothing (nobody
  // was sent) has no share to show.
  const values = Object.fromEntries(
    rows.flatMap((r) =>
      reviewers
        ? r.expected
          ? [[r.id, pct(r.received ?? 0, r.expected)] as const]
          : []
        : r.received === null
          ? []
          : [[r.id, r.received] as const],
    ),
  );
  return (
    <Card withBorder radius="md" padding="md" h="100%">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4">
          {t('dashboard.map')}
        </Title>
        {districts && (
          <SegmentedControl
            size="xs"
            value={String(level)}
            onChange={(v) => setLevel(v === '2' ? 2 : 1)}
            data={[
              { value: '1', label: t('dashboard.mapRegions') },
              { value: '2', label: t('dashboard.mapDistricts') },
            ]}
            aria-label={t('dashboard.mapLevel')}
            data-testid="dash-map-level"
          />
        )}
      </Group>
      <Choropleth
        level={level}
        // Their own regions only, at either level: the others have no figures for them, and "nothing
        // expected" there would be untrue.
        {...(ownRegions ? { focus: ownRegions } : {})}
        values={values}
        unit={reviewers ? t('dashboard.mapCoverage') : t('dashboard.received')}
        // Public figures withhold small counts: a blank region is not always one without reports.
        noDataLabel={
          reviewers
            ? t('dashboard.mapNothingOwed')
            : s.byRegion.some((r) => r.received === null)
              ? t('dashboard.mapWithheld')
              : undefined
        }
      />
      {level === 2 && unplaced > 0 && (
        <Text size="xs" c="dimmed" mt="xs" data-testid="dash-map-unplaced">
          {t('dashboard.unplaced', { ...siteContext(kind), count: unplaced, n: fmt.number(unplaced) })}
        </Text>
      )}
    </Card>
  );
}
