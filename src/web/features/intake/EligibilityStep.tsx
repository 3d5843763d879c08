import { Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { intakeApi, type Intake } from './api';
import { EligibilityResult } from './EligibilityResult';
import { OverrideForm } from './OverrideForm';

type Num = number | string;
const num = (v: Num): number | undefined => (v === '' || v === null ? undefined : Number(v));

/**
 * Step 4: household income, size and assets; the server computes eligibility from the
 * organisation's rules. Nothing is assumed: empty stays empty (and the result stays "not assessed").
 */
export function EligibilityStep({
  intake,
  onStored,
  onBack,
  onNext,
}: {
  intake: Intake;
  /** A save of the figures (the result is shown; the user continues when ready). */
  onStored: (i: Intake) => void;
  onBack: () => void;
  onNext: () => void;
}): ReactElement {
  const { t } = useTranslation('intake');
  const e = intake.eligibility;
  const form = useForm<{ householdIncome: Num; householdSize: Num; assets: Num }>({
    initialValues: {
      householdIncome: e.householdIncome ?? '',
      householdSize: e.householdSize ?? '',
      assets: e.assets ?? '',
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      intakeApi.update(intake.id, {
        eligibility: {
          householdIncome: num(v.householdIncome),
          householdSize: num(v.householdSize),
          assets: num(v.assets),
        },
      }),
    onSuccess: onStored,
    onError: (err) =>
      form.setErrors(
        Object.fromEntries(
          Object.entries(fieldErrors(err)).map(([k, v]) => [k.replace(/^eligibility\./, ''), v]),
        ),
      ),
  });
  const assessed = intake.eligible !== null || intake.eligibilityBasis !== 'unknown';
  return (
    <Stack>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('eligibility.hint')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NumberInput
              label={t('eligibility.income')}
              description={t('eligibility.incomeHint')}
              thousandSeparator=" "
              allowNegative={false}
              clampBehavior="none"
              name="householdIncome"
              {...form.getInputProps('householdIncome')}
            />
            <NumberInput
              label={t('eligibility.size')}
              description={t('eligibility.sizeHint')}
              // Whole numbers, but a typed "7,5" is kept and refused, never read as 75.
              allowDecimal
              clampBehavior="none"
              name="householdSize"
              {...form.getInputProps('householdSize')}
            />
            <NumberInput
              label={t('eligibility.assets')}
              description={t('eligibility.assetsHint')}
              thousandSeparator=" "
              allowNegative={false}
              clampBehavior="none"
              name="assets"
              {...form.getInputProps('assets')}
            />
          </SimpleGrid>
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button
              type="submit"
              variant={assessed ? 'default' : 'filled'}
              loading={save.isPending}
              data-testid="eligibility-save"
            >
              {t('eligibility.compute')}
            </Button>
          </Group>
        </Stack>
      </form>
      <EligibilityResult intake={intake} />
      <OverrideForm key={intake.eligibilityBasis} intake={intake} onSaved={onStored} />
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('actions.back')}
        </Button>
        <Button onClick={onNext} data-testid="step-submit">
          {t('actions.continue')}
        </Button>
      </Group>
    </Stack>
  );
}
