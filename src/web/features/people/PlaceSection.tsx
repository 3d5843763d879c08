import { Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useGeoNames } from './labels';
import type { PersonFormValues } from './personForm';
import { FormSection } from './FormSection';

/** Region → district (the district list follows the region) and a free-text address. */
export function PlaceSection({ form }: { form: UseFormReturnType<PersonFormValues> }): ReactElement {
  const { t } = useTranslation('people');
  const geo = useGeoNames();
  const districts = geo.districtOptions(form.values.region);
  return (
    <FormSection legend={t('form.sections.place')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('form.region')}
            placeholder={t('form.notRecorded')}
            data={geo.regionOptions()}
            searchable
            clearable
            data-testid="person-region"
            {...form.getInputProps('region')}
            onChange={(v: string | null) => {
              form.setFieldValue('region', v);
              form.setFieldValue('district', null);
            }}
          />
          <Select
            label={t('form.district')}
            placeholder={form.values.region ? t('form.notRecorded') : t('form.districtFirst')}
            data={districts}
            disabled={districts.length === 0}
            searchable
            clearable
            data-testid="person-district"
            {...form.getInputProps('district')}
          />
        </SimpleGrid>
        <Textarea label={t('form.address')} autosize minRows={2} {...form.getInputProps('address')} />
      </Stack>
    </FormSection>
  );
}
