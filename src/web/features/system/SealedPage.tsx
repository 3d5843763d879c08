import { Alert, Button, Code, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, resetCsrf } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorMessage } from '../../components/errors';
import { Icon } from '../../components/icons';
import { PublicLayout } from '../../shell/PublicLayout';
import { systemApi, type Health } from './api';
import { systemKeys } from './queries';

function UnsealForm(): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const router = useRouter();
  const form = useForm({
    initialValues: { passphrase: '' },
    validate: { passphrase: (v) => (v ? null : t('common.validation.required')) },
  });
  const unseal = useMutation({
    mutationFn: (passphrase: string) => systemApi.unseal(passphrase),
    onSuccess: async () => {
      resetCsrf();
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'system' });
      await queryClient.invalidateQueries({ queryKey: systemKeys.health });
      // Every session ended with the seal: the guards now send the visitor to login.
      await router.invalidate();
    },
    // A wrong passphrase is a mistake in this one field: say so under it, not in a second red box
    // next to the sealed notice.
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'system.unseal_failed') {
        form.setErrors({ passphrase: errorMessage(t, e) });
      }
    },
  });
  const otherError =
    unseal.error instanceof ApiError && unseal.error.code === 'system.unseal_failed' ? null : unseal.error;
  return (
    <form onSubmit={form.onSubmit((v) => unseal.mutate(v.passphrase))} noValidate>
      <Stack>
        <PasswordInput
          name="passphrase"
          label={t('sealed.passphrase')}
          autoComplete="off"
          required
          data-autofocus
          {...form.getInputProps('passphrase')}
          // PasswordInput does not mark its inner input invalid itself; announce the error at once.
          aria-invalid={Boolean(form.errors.passphrase)}
          errorProps={{ role: 'alert' }}
        />
        <ErrorAlert error={otherError} />
        <Button type="submit" loading={unseal.isPending} leftSection={<Icon name="lock" size={16} />}>
          {t('sealed.unseal')}
        </Button>
      </Stack>
    </form>
  );
}

/** Full-page notice while the server holds no key; passphrase mode can be unsealed from here. */
export function SealedPage({ mode }: { mode: Health['sealMode'] }): ReactElement {
  const { t } = useTranslation();
  return (
    <PublicLayout title={t('sealed.title')} description={t('sealed.description')}>
      <Alert color="red" variant="light" icon={<Icon name="lock" />} title={t('sealed.alertTitle')}>
        {t('sealed.alert')}
      </Alert>
      {mode === 'passphrase' ? (
        <UnsealForm />
      ) : (
        <Stack gap="xs">
          <Text>{t('sealed.keyfile')}</Text>
          <Code block>ukuk unseal</Code>
        </Stack>
      )}
    </PublicLayout>
  );
}
