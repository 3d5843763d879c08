import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useSearch } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { PageLoader } from '../../components/PageLoader';
import { PublicLayout } from '../../shell/PublicLayout';
import { authApi } from './api';
import { safeRedirect, useGoToNextStep } from './finish';
import { useMe } from './queries';

/** Email + password, the first of two login steps. */
export function LoginPage(): ReactElement {
  const { t } = useTranslation();
  const { redirect } = useSearch({ strict: false });
  const me = useMe();
  const goNext = useGoToNextStep();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('common.validation.required')),
      password: (v) => (v ? null : t('common.validation.required')),
    },
  });
  const login = useMutation({
    mutationFn: (v: { email: string; password: string }) => authApi.login(v.email.trim(), v.password),
    onSuccess: (res) => goNext(res, redirect),
    onError: (e) => form.setErrors(fieldErrors(e)),
  });

  if (me.isPending) {
    return <PageLoader minHeight="100vh" />;
  }
  if (me.data) {
    return <Navigate to={safeRedirect(redirect)} replace />;
  }
  return (
    <PublicLayout title={t('auth.login.title')} description={t('auth.login.description')}>
      <form onSubmit={form.onSubmit((v) => login.mutate(v))} noValidate>
        <Stack>
          <TextInput
            label={t('auth.fields.email')}
            name="email"
            type="email"
            autoComplete="username"
            required
            data-autofocus
            {...form.getInputProps('email')}
          />
          <PasswordInput
            name="password"
            label={t('auth.fields.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <ErrorAlert error={login.error} />
          <Button type="submit" loading={login.isPending} size="md" fullWidth>
            {t('auth.login.submit')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
