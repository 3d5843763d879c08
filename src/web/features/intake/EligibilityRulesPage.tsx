import { Alert, Button, Card, Group, MultiSelect, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { VULNERABILITIES } from '../../../core/legal-codes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { intakeApi, type EligibilityRules } from './api';
import { intakeKeys, useVocab } from './queries';

type Num = number | string;
interface Values {
  incomePerPersonMax: Num;
  assetsMax: Num;
  alwaysEligible: string[];
}

/**
 * The organisation's indigence rules (admin): an income limit per household member, an asset limit,
 * and the categories (vulnerabilities or problem codes) that are always eligible. Intakes are assessed
 * against these when their figures are saved; decisions already made are not recomputed.
 */
export function EligibilityRulesPage(): ReactElement {
  const { t } = useTranslation('intake');
  const { t: tp } = useTranslation('people');
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: intakeKeys.rules, queryFn: intakeApi.eligibilityRules });
  const problems = useVocab('legal_problem');
  const form = useForm<Values>({
    initialValues: { incomePerPersonMax: '', assetsMax: '', alwaysEligible: [] },
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (rules.data) {
      setValues({ ...rules.data });
      resetDirty({ ...rules.data });
    }
  }, [rules.data, setValues, resetDirty]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      intakeApi.saveEligibilityRules({
        incomePerPersonMax: Number(v.incomePerPersonMax === '' ? Number.NaN : v.incomePerPersonMax),
        assetsMax: Number(v.assetsMax === '' ? Number.NaN : v.assetsMax),
        alwaysEligible: v.alwaysEligible,
      }),
    onSuccess: (saved: EligibilityRules) => {
      queryClient.setQueryData(intakeKeys.rules, saved);
      resetDirty({ ...saved });
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  if (rules.isPending) return <PageLoader />;
  if (rules.isError) return <ErrorAlert error={rules.error} />;
  const categories = [
    {
      group: t('rules.vulnerabilities'),
      items: VULNERABILITIES.map((v) => ({ value: v, label: tp(`vulnerability.${v}`) })),
    },
    {
      group: t('rules.problems'),
      items: problems.options.map((o) => ({ value: o.value, label: o.label })),
    },
  ];
  const unset = rules.data.incomePerPersonMax === 0 && rules.data.assetsMax === 0;
  return (
    <>
      <PageHeader title={t('rules.title')} description={t('rules.description')} />
      <Card withBorder maw={760}>
        <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
          <Stack>
            {unset && (
              <Alert color="yellow" variant="light" title={t('rules.unsetTitle')}>
                {t('rules.unset')}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NumberInput
                label={t('rules.income')}
                description={t('rules.incomeHint')}
                thousandSeparator=" "
                allowNegative={false}
                clampBehavior="none"
                required
                {...form.getInputProps('incomePerPersonMax')}
              />
              <NumberInput
                label={t('rules.assets')}
                description={t('rules.assetsHint')}
                thousandSeparator=" "
                allowNegative={false}
                clampBehavior="none"
                required
                {...form.getInputProps('assetsMax')}
              />
            </SimpleGrid>
            <MultiSelect
              label={t('rules.always')}
              description={t('rules.alwaysHint')}
              data={categories}
              searchable
              clearable
              {...form.getInputProps('alwaysEligible')}
            />
            <Text size="sm" c="dimmed">
              {t('rules.effect')}
            </Text>
            <ErrorAlert error={save.error} />
            {save.isSuccess && !form.isDirty() && (
              <Alert color="teal" variant="light" role="status">
                {t('rules.saved')}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                {t('rules.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </>
  );
}
