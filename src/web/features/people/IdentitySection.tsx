import { Group, NumberInput, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_GROUPS, SEXES } from './api';
import { useCodeOptions } from './labels';
import { withPrecision, type BirthPrecision, type PersonFormValues } from './personForm';
import { FormSection } from './FormSection';
import { DayInput } from '../../components/DayInput';

const PRECISIONS: BirthPrecision[] = ['year', 'month', 'date'];

/** The date of birth as precisely as it is known: a year, a month or a day. */
function BirthInput({ form }: { form: UseFormReturnType<PersonFormValues> }): ReactElement {
  const { t } = useTranslation('people');
  const precision = form.values.birthPrecision;
  const input = form.getInputProps('birthDate');
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <Select
        label={t('form.birthPrecision')}
        placeholder={t('form.birthUnknown')}
        data={PRECISIONS.map((p) => ({ value: p, label: t(`form.precision.${p}`) }))}
        value={precision}
        clearable
        data-testid="birth-precision"
        onChange={(v) => {
          const p = v ?? null;
          form.setFieldValue('birthPrecision', p);
          form.setFieldValue('birthDate', withPrecision(form.values.birthDate, p));
        }}
      />
      {precision === 'year' && (
        <TextInput
          label={t('form.birthYear')}
          inputMode="numeric"
          maxLength={4}
          placeholder={t('form.birthYearPlaceholder')}
          name="birthYear"
          {...input}
        />
      )}
      {precision === 'month' && (
        <TextInput label={t('form.birthMonth')} type="month" name="birthMonth" {...input} />
      )}
      {precision === 'date' && <DayInput label={t('form.birthDate')} name="birthDate" {...input} />}
    </SimpleGrid>
  );
}

/** Individual or group, sex and gender, date of birth or age group. */
export function IdentitySection({ form }: { form: UseFormReturnType<PersonFormValues> }): ReactElement {
  const { t } = useTranslation('people');
  const sexes = useCodeOptions('sex', SEXES);
  const ages = useCodeOptions('ageGroup', AGE_GROUPS);
  const group = form.values.kind === 'group';
  return (
    <FormSection legend={t('form.sections.identity')}>
      <Stack gap="sm">
        <Radio.Group label={t('form.kind')} {...form.getInputProps('kind')}>
          <Group gap="lg" mt={6}>
            <Radio value="individual" label={t('kind.individual')} />
            <Radio value="group" label={t('kind.group')} data-testid="kind-group" />
          </Group>
        </Radio.Group>
        {group && (
          <NumberInput
            label={t('form.groupSize')}
            description={t('form.groupSizeHint')}
            // Whole numbers, but a typed "7,5" is kept and refused, never read as 75.
            allowDecimal
            allowNegative={false}
            clampBehavior="none"
            name="groupSize"
            maw={240}
            {...form.getInputProps('groupSize')}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('form.sex')}
            placeholder={t('form.notRecorded')}
            data={sexes}
            clearable
            data-testid="person-sex"
            {...form.getInputProps('sex')}
          />
          <TextInput
            label={t('form.gender')}
            description={t('form.genderHint')}
            {...form.getInputProps('gender')}
          />
        </SimpleGrid>
        <BirthInput form={form} />
        <Select
          label={t('form.ageGroup')}
          description={t('form.ageGroupHint')}
          placeholder={t('form.notRecorded')}
          data={ages.filter((a) => a.value !== 'unknown')}
          clearable
          maw={{ xs: 'calc(50% - var(--mantine-spacing-sm) / 2)' }}
          {...form.getInputProps('ageGroup')}
        />
      </Stack>
    </FormSection>
  );
}
