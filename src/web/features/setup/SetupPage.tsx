import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { resetCsrf } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { NewPasswordField } from '../../components/NewPasswordField';
import { MIN_PASSWORD_LENGTH } from '../../components/passwordStrength';
import { applyLocale, asLocale, LOCALES, storeLocale } from '../../i18n';
import { PublicLayout } from '../../shell/PublicLayout';
import type { SetupStatus } from '../system/api';
import { systemKeys } from '../system/queries';
import { setupApi, type SetupInput } from './api';
import { SetupSteps } from './SetupSteps';

const ORG_FIELDS = ['orgName', 'defaultLocale'] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** First-run wizard: organisation, then the first administrator, then 2FA enrolment. */
export function SetupPage(): ReactElement {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const form = useForm<SetupInput>({
    initialValues: {
      orgName: '',
      defaultLocale: asLocale(i18n.language) ?? 'ky',
      adminName: '',
      adminEmail: '',
      adminPassword: '',
    },
    validate: {
      orgName: (v) => (v.trim() ? null : t('common.validation.required')),
      adminName: (v) => (v.trim() ? null : t('common.validation.required')),
      adminEmail: (v) => (EMAIL.test(v) ? null : t('common.validation.email')),
      adminPassword: (v) =>
        [...v].length >= MIN_PASSWORD_LENGTH ? null : t('password.tooShort', { count: MIN_PASSWORD_LENGTH }),
    },
  });
  const create = useMutation({
    mutationFn: setupApi.create,
    onSuccess: async (_res, input) => {
      resetCsrf();
      storeLocale(input.defaultLocale);
      await applyLocale(input.defaultLocale);
      queryClient.setQueryData<SetupStatus>(systemKeys.setupStatus, {
        needsSetup: false,
        orgName: input.orgName,
        defaultLocale: input.defaultLocale,
      });
      await navigate({ to: '/enroll' });
    },
    onError: (e) => {
      const errors = fieldErrors(e);
      form.setErrors(errors);
      if (ORG_FIELDS.some((f) => f in errors)) {
        setStep(0);
      }
    },
  });

  const next = () => {
    if (!form.validateField('orgName').hasError) {
      setStep(1);
    }
  };

  return (
    <PublicLayout title={t('setup.title')} description={t('setup.description')} width={560}>
      <SetupSteps active={step} />
      {step === 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            next();
          }}
          noValidate
        >
          <Stack>
            <TextInput
              name="orgName"
              label={t('setup.fields.orgName')}
              required
              data-autofocus
              {...form.getInputProps('orgName')}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="default-locale-label">
                {t('setup.fields.defaultLocale')}
              </Text>
              <SegmentedControl
                aria-labelledby="default-locale-label"
                data={LOCALES.map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
                {...form.getInputProps('defaultLocale')}
                fullWidth
              />
              <Text size="xs" c="dimmed">
                {t('setup.fields.defaultLocaleHint')}
              </Text>
            </Stack>
            <Group justify="flex-end">
              <Button type="submit">{t('common.next')}</Button>
            </Group>
          </Stack>
        </form>
      )}
      {step === 1 && (
        <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
          <Stack>
            <TextInput
              name="adminName"
              label={t('setup.fields.adminName')}
              autoComplete="name"
              required
              {...form.getInputProps('adminName')}
            />
            <TextInput
              name="adminEmail"
              label={t('auth.fields.email')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('adminEmail')}
            />
            <NewPasswordField
              name="adminPassword"
              strengthId="setup-strength"
              inputProps={form.getInputProps('adminPassword')}
            />
            <ErrorAlert error={create.error} />
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep(0)}>
                {t('common.back')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('setup.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}
