import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_CODES } from '../../../../core/geo/regions';
import { PARTIAL_DATE } from '../dates';
import { useGeoNames } from '../../cases/labels';
import { VocabPicker } from '../../../components/VocabPicker';
import type { StatsFilterKey, StatsSearch } from './search';

interface Option {
  value: string;
  label: string;
}

/** A partial date typed by hand (2024, 2024-03, 2024-03-15); applied when it is well-formed or empty. */
function DateFilter({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  testId: string;
}): ReactElement {
  const { t } = useTranslation('vstats');
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const bad = text.trim() !== '' && !PARTIAL_DATE.test(text.trim());
  const apply = () => {
    const v = text.trim();
    if (!v) onChange(undefined);
    else if (PARTIAL_DATE.test(v)) onChange(v);
  };
  return (
    <TextInput
      label={label}
      placeholder={t('filters.datePlaceholder')}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => e.key === 'Enter' && apply()}
      error={bad ? t('filters.dateInvalid') : undefined}
      inputMode="numeric"
      data-testid={testId}
    />
  );
}

/** The event list's filters for statistics; each change applies at once and lands in the URL. */
export function StatsFilterBar({
  search,
  onChange,
  onReset,
}: {
  search: StatsSearch;
  onChange: (key: StatsFilterKey, value: string | undefined) => void;
  onReset: () => void;
}): ReactElement {
  const { t } = useTranslation('vstats');
  const geo = useGeoNames();
  const regions = REGION_CODES.map((r) => ({ value: r, label: geo.region(r) }));
  const districts = geo.districtOptions(search.region);

  const select = (key: StatsFilterKey, label: string, data: Option[]) => (
    <Select
      label={label}
      placeholder={t('filters.any')}
      data={data}
      value={search[key] ?? null}
      onChange={(v) => onChange(key, v ?? undefined)}
      clearable
      searchable={data.length > 8}
      nothingFoundMessage={t('filters.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      disabled={data.length === 0}
      data-testid={`vfilter-${key}`}
    />
  );
  // Pickers search the labels in all three languages and show the HURIDOCS hierarchy.
  const picker = (key: StatsFilterKey, scheme: string, label: string) => (
    <VocabPicker
      scheme={scheme}
      label={label}
      placeholder={t('filters.any')}
      value={search[key] ?? null}
      onChange={(v) => onChange(key, v ?? undefined)}
      data-testid={`vfilter-${key}`}
    />
  );
  const any = Object.entries(search).some(([k, v]) => v !== undefined && k !== 'unit' && k !== 'level');

  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        {select('region', t('filters.region'), regions)}
        {select('district', t('filters.district'), districts)}
        {picker('actType', 'esf_types_of_acts', t('filters.actType'))}
        {picker('violationStatus', 'esf_violation_status', t('filters.violationStatus'))}
        {picker('perpetratorType', 'esf_types_of_perpetrators', t('filters.perpetratorType'))}
        {picker('reliability', 'esf_reliability', t('filters.reliability'))}
        <DateFilter
          label={t('filters.from')}
          value={search.from}
          onChange={(v) => onChange('from', v)}
          testId="vfilter-from"
        />
        <DateFilter
          label={t('filters.to')}
          value={search.to}
          onChange={(v) => onChange('to', v)}
          testId="vfilter-to"
        />
      </SimpleGrid>
      {any && (
        <Group>
          <Button variant="subtle" size="xs" onClick={onReset} data-testid="vfilter-reset">
            {t('filters.reset')}
          </Button>
        </Group>
      )}
    </>
  );
}
