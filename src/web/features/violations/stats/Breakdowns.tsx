import { SegmentedControl, Select, SimpleGrid, Stack } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isDistrictId, isRegionCode } from '../../../../core/geo/regions';
import { Choropleth } from '../../../components/Choropleth';
import { useGeoNames } from '../../cases/labels';
import type { StatsBreakdown, ViolationStats } from './api';
import { Breakdown } from './Breakdown';
import { useCodeLabel, useRightLabel } from './labels';

/** Map values from a breakdown's rows, keeping only the codes the map knows. */
function mapValues(b: StatsBreakdown | undefined, known: (code: string) => boolean): Record<string, number> {
  return Object.fromEntries((b?.rows ?? []).filter((r) => known(r.code)).map((r) => [r.code, r.count]));
}

export interface BreakdownControls {
  level: number | undefined;
  period: 'year' | 'month';
  onLevel: (level: number | undefined) => void;
  onPeriod: (period: 'year' | 'month') => void;
}

/** Every breakdown the server sends, each titled with what it counts. */
export function Breakdowns({
  s,
  controls,
}: {
  s: ViolationStats;
  controls: BreakdownControls;
}): ReactElement {
  const { t } = useTranslation('vstats');
  const geo = useGeoNames();
  const actLabel = useCodeLabel('esf_types_of_acts');
  const perpetratorLabel = useCodeLabel('esf_types_of_perpetrators');
  const rightLabel = useRightLabel();
  const person = (group: string) => (v: string) => t(`cases:stats.${group}.${v}`, { defaultValue: v });
  const unit = (b: StatsBreakdown | undefined) => t(`breakdown.by.${b?.unit ?? 'events'}`);
  const districtRows = s.by.district?.rows.filter((r) => r.code !== 'unknown') ?? [];
  const levels = [1, 2, 3].map((l) => ({ value: String(l), label: t('breakdown.level', { level: l }) }));

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Breakdown
        title={t('breakdown.actType')}
        data={s.by.actType}
        label={actLabel}
        testId="vstats-by-actType"
        controls={
          <Select
            aria-label={t('breakdown.levelLabel')}
            placeholder={t('breakdown.levelAll')}
            data={levels}
            value={controls.level ? String(controls.level) : null}
            onChange={(v) => controls.onLevel(v ? Number(v) : undefined)}
            clearable
            w={170}
            size="xs"
            comboboxProps={{ withinPortal: true }}
            data-testid="vstats-level"
          />
        }
      />
      <Breakdown title={t('breakdown.right')} data={s.by.right} label={rightLabel} testId="vstats-by-right" />
      <Breakdown
        title={t('breakdown.perpetratorType')}
        data={s.by.perpetratorType}
        label={perpetratorLabel}
        testId="vstats-by-perpetratorType"
      />
      <Breakdown
        title={t('breakdown.region')}
        data={s.by.region}
        label={(v) => (isRegionCode(v) ? geo.region(v) : v)}
        testId="vstats-by-region"
      >
        <Stack mb="sm">
          <Choropleth level={1} values={mapValues(s.by.region, isRegionCode)} unit={unit(s.by.region)} />
        </Stack>
      </Breakdown>
      {districtRows.length > 0 && (
        <Breakdown
          title={t('breakdown.district')}
          data={s.by.district}
          label={(v) => (isDistrictId(v) ? geo.district(v) : isRegionCode(v) ? geo.region(v) : v)}
          testId="vstats-by-district"
        >
          <Stack mb="sm">
            <Choropleth
              level={2}
              values={mapValues(s.by.district, (c) => isDistrictId(c) || isRegionCode(c))}
              unit={unit(s.by.district)}
            />
          </Stack>
        </Breakdown>
      )}
      <Breakdown
        title={t('breakdown.period')}
        data={s.by.period}
        label={(v) => v}
        chronological
        testId="vstats-by-period"
        controls={
          <SegmentedControl
            size="xs"
            value={controls.period}
            onChange={(v) => controls.onPeriod(v === 'month' ? 'month' : 'year')}
            data={[
              { value: 'year', label: t('breakdown.byYear') },
              { value: 'month', label: t('breakdown.byMonth') },
            ]}
            aria-label={t('breakdown.periodLabel')}
          />
        }
      />
      <Breakdown title={t('breakdown.sex')} data={s.by.sex} label={person('sex')} testId="vstats-by-sex" />
      <Breakdown
        title={t('breakdown.ageGroup')}
        data={s.by.ageGroup}
        label={person('ageGroup')}
        testId="vstats-by-ageGroup"
      />
      <Breakdown
        title={t('breakdown.vulnerability')}
        data={s.by.vulnerability}
        label={person('vulnerability')}
        testId="vstats-by-vulnerability"
      />
    </SimpleGrid>
  );
}
