import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useGeoNames } from '../people/labels';

export interface PlaceValues {
  region: string;
  district: string;
  place: string;
}

/** Region → district (the district list follows the region) and a free-text place. */
export function PlaceFields({
  value,
  onChange,
  errors = {},
  prefix,
}: {
  value: PlaceValues;
  onChange: (v: PlaceValues) => void;
  errors?: Partial<Record<keyof PlaceValues, string | null | undefined>>;
  prefix: string;
}): ReactElement {
  const { t } = useTranslation('violations');
  const geo = useGeoNames();
  const districts = geo.districtOptions(value.region);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <Select
        name={`${prefix}region`}
        label={t('fields.region')}
        placeholder={t('form.choose')}
        data={geo.regionOptions()}
        value={value.region || null}
        onChange={(v) => onChange({ ...value, region: v ?? '', district: '' })}
        clearable
        searchable
        nothingFoundMessage={t('form.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        error={errors.region ?? undefined}
        data-testid={`${prefix}region`}
      />
      <Select
        name={`${prefix}district`}
        label={t('fields.district')}
        placeholder={districts.length ? t('form.choose') : t('form.regionFirst')}
        data={districts}
        value={value.district || null}
        onChange={(v) => onChange({ ...value, district: v ?? '' })}
        disabled={districts.length === 0}
        clearable
        searchable
        nothingFoundMessage={t('form.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        error={errors.district ?? undefined}
        data-testid={`${prefix}district`}
      />
      <TextInput
        name={`${prefix}place`}
        label={t('fields.place')}
        description={t('form.placeHint')}
        value={value.place}
        onChange={(e) => onChange({ ...value, place: e.currentTarget.value })}
        maxLength={300}
        error={errors.place ?? undefined}
        style={{ gridColumn: '1 / -1' }}
        data-testid={`${prefix}place`}
      />
    </SimpleGrid>
  );
}
