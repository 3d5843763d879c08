import { Badge, Checkbox, Group, Select, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useVocabLabel, VocabPicker } from '../../components/VocabPicker';
import { useFormat } from '../../intl/format';
import { useGeoNames } from '../people/labels';
import type { EventList } from './api';
import { isPartialDate } from './dates';
import { PartialDateInput } from './PartialDateInput';
import type { EventSearch, FilterKey } from './search';

type Facets = EventList['facets'];

/** Region options with the number of matching events after each name. */
function regionOptions(
  options: { value: string; label: string }[],
  facet: Facets['region'] | undefined,
  number: (n: number) => string,
) {
  if (!facet) return options;
  const counts = new Map(facet.map((f) => [f.code, f.count]));
  return options.map((o) => ({ value: o.value, label: `${o.label} (${number(counts.get(o.value) ?? 0)})` }));
}

/** The busiest codes of a facet as buttons that apply the filter ("Torture 12"). */
function FacetChips({
  title,
  facet,
  label,
  active,
  onPick,
  testId,
}: {
  title: string;
  facet: Facets['actType'] | undefined;
  label: (code: string) => string;
  active: string | undefined;
  onPick: (code: string) => void;
  testId: string;
}): ReactElement | null {
  const fmt = useFormat();
  const top = (facet ?? []).filter((f) => f.count > 0).slice(0, 8);
  if (top.length === 0) return null;
  return (
    <Group gap={6} data-testid={testId} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      <Text size="sm" c="dimmed" component="li">
        {title}
      </Text>
      {top.map((f) => (
        <li key={f.code}>
          <UnstyledButton onClick={() => onPick(f.code)} aria-pressed={active === f.code}>
            <Badge
              variant={active === f.code ? 'filled' : 'light'}
              tt="none"
              rightSection={fmt.number(f.count)}
              style={{ cursor: 'pointer', maxWidth: '100%' }}
            >
              {label(f.code)}
            </Badge>
          </UnstyledButton>
        </li>
      ))}
    </Group>
  );
}

/** A date bound: applied once it is a whole partial date (or cleared), not at every keystroke. */
function DateFilter({
  name,
  label,
  value,
  onChange,
}: {
  name: string;
  label: string;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
}): ReactElement {
  const { t } = useTranslation('violations');
  const [text, setText] = useState(value ?? '');
  const [seen, setSeen] = useState(value);
  // The URL changed elsewhere (filters cleared, a link opened): follow it.
  if (seen !== value) {
    setSeen(value);
    setText(value ?? '');
  }
  const bad = text !== '' && !isPartialDate(text);
  return (
    <PartialDateInput
      name={name}
      label={label}
      value={text}
      error={bad ? t('date.invalid') : null}
      onChange={(v) => {
        setText(v);
        if (v === '') onChange(undefined);
        else if (isPartialDate(v)) onChange(v);
      }}
      testId={`filter-${name}`}
      compact
    />
  );
}

/** Filters for the event list; each change applies at once (and lands in the URL). */
export function EventFilters({
  search,
  facets,
  onChange,
}: {
  search: EventSearch;
  facets: Facets | undefined;
  onChange: (key: FilterKey, value: string | undefined) => void;
}): ReactElement {
  const { t } = useTranslation('violations');
  const fmt = useFormat();
  const geo = useGeoNames();
  const actLabel = useVocabLabel('esf_types_of_acts');
  const statusLabel = useVocabLabel('esf_violation_status');
  const districts = geo.districtOptions(search.region);
  const picker = (key: FilterKey, scheme: string, label: string) => (
    <VocabPicker
      scheme={scheme}
      label={label}
      placeholder={t('filters.any')}
      value={search[key as 'actType'] ?? null}
      onChange={(v) => onChange(key, v ?? undefined)}
      data-testid={`filter-${key}`}
    />
  );

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <Select
          label={t('fields.region')}
          placeholder={t('filters.any')}
          data={regionOptions(geo.regionOptions(), facets?.region, fmt.number)}
          value={search.region ?? null}
          onChange={(v) => onChange('region', v ?? undefined)}
          clearable
          searchable
          nothingFoundMessage={t('form.nothingFound')}
          comboboxProps={{ withinPortal: true }}
          data-testid="filter-region"
        />
        <Select
          label={t('fields.district')}
          placeholder={districts.length ? t('filters.any') : t('form.regionFirst')}
          data={districts}
          value={search.district ?? null}
          onChange={(v) => onChange('district', v ?? undefined)}
          disabled={districts.length === 0}
          clearable
          searchable
          nothingFoundMessage={t('form.nothingFound')}
          comboboxProps={{ withinPortal: true }}
          data-testid="filter-district"
        />
        {picker('actType', 'esf_types_of_acts', t('fields.actType'))}
        {picker('violationStatus', 'esf_violation_status', t('fields.violationStatus'))}
        {picker('perpetratorType', 'esf_types_of_perpetrators', t('fields.perpetratorType'))}
        {picker('reliability', 'esf_reliability', t('fields.reliability'))}
        <DateFilter
          name="from"
          label={t('filters.from')}
          value={search.from}
          onChange={(v) => onChange('from', v)}
        />
        <DateFilter name="to" label={t('filters.to')} value={search.to} onChange={(v) => onChange('to', v)} />
      </SimpleGrid>
      <Checkbox
        label={t('filters.mine')}
        checked={search.mine === '1'}
        onChange={(e) => onChange('mine', e.currentTarget.checked ? '1' : undefined)}
        data-testid="filter-mine"
      />
      <FacetChips
        title={t('filters.topActs')}
        facet={facets?.actType}
        label={actLabel}
        active={search.actType}
        onPick={(c) => onChange('actType', search.actType === c ? undefined : c)}
        testId="facet-actType"
      />
      <FacetChips
        title={t('filters.topStatus')}
        facet={facets?.violationStatus}
        label={statusLabel}
        active={search.violationStatus}
        onPick={(c) => onChange('violationStatus', search.violationStatus === c ? undefined : c)}
        testId="facet-violationStatus"
      />
    </Stack>
  );
}
