import { Checkbox, Select, SimpleGrid } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_CODES } from '../../../core/geo/regions';
import { useFormat } from '../../intl/format';
import type { CaseList } from './api';
import { CASE_STAGES, CASE_STATUSES } from './codes';
import { useGeoNames } from './labels';
import { useAssignableUsers, useVocabLabels } from './queries';
import type { CaseSearch, FilterKey } from './search';

type Facets = CaseList['facets'];

interface Option {
  value: string;
  label: string;
}

/** Options with the number of matching cases after each label, the busiest first where counts exist. */
function withCounts(
  options: Option[],
  facet: { value: string; count: number }[] | undefined,
  number: (n: number) => string,
): Option[] {
  if (!facet) return options;
  const counts = new Map(facet.map((f) => [f.value, f.count]));
  // A value the facet knows but the option list does not (a retired code) is still offered.
  const known = new Set(options.map((o) => o.value));
  const extra = facet.filter((f) => !known.has(f.value)).map((f) => ({ value: f.value, label: f.value }));
  return [...options, ...extra].map((o) => ({
    value: o.value,
    label: `${o.label} (${number(counts.get(o.value) ?? 0)})`,
  }));
}

/** Filters for the case list; each change applies at once (and lands in the URL). */
export function CaseFilters({
  search,
  facets,
  canListLawyers,
  leadNames,
  onChange,
}: {
  search: CaseSearch;
  facets: Facets | undefined;
  canListLawyers: boolean;
  /** Names of lead lawyers seen in the list, for users the assignable list does not cover. */
  leadNames: Map<string, string>;
  onChange: (key: FilterKey, value: string | undefined) => void;
}): ReactElement {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const geo = useGeoNames();
  const types = useVocabLabels('case_type');
  const users = useAssignableUsers(canListLawyers);
  const userName = new Map((users.data?.items ?? []).map((u) => [u.id, u.name]));

  const typeOptions = withCounts(
    types.terms
      .filter((term) => term.active)
      .map((term) => ({ value: term.code, label: types.label(term.code) })),
    facets?.type,
    fmt.number,
  );
  const statusOptions = withCounts(
    CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
    facets?.status,
    fmt.number,
  );
  const regionOptions = withCounts(
    REGION_CODES.map((r) => ({ value: r, label: geo.region(r) })),
    facets?.region,
    fmt.number,
  );
  const lawyerOptions = withCounts(
    (facets?.lawyer ?? []).map((f) => ({
      value: f.value,
      label: userName.get(f.value) ?? leadNames.get(f.value) ?? t('list.unknownLawyer'),
    })),
    facets?.lawyer,
    fmt.number,
  );
  const stageOptions = CASE_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }));

  const select = (key: Exclude<FilterKey, 'mine'>, label: string, data: Option[]) => (
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
      data-testid={`filter-${key}`}
    />
  );

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
      {select('type', t('fields.type'), typeOptions)}
      {select('status', t('fields.status'), statusOptions)}
      {select('stage', t('fields.stage'), stageOptions)}
      {select('region', t('fields.region'), regionOptions)}
      {select('lawyer', t('fields.lawyer'), lawyerOptions)}
      <Checkbox
        mt={{ base: 4, xs: 30 }}
        label={t('filters.mine')}
        checked={search.mine === '1'}
        onChange={(e) => onChange('mine', e.currentTarget.checked ? '1' : undefined)}
        data-testid="filter-mine"
      />
    </SimpleGrid>
  );
}
