import { Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { AppModal } from './AppModal';
import { useTranslation } from 'react-i18next';
import { setReauthHandler } from '../api/client';
import { authApi } from '../features/auth/api';
import { ErrorAlert } from './ErrorAlert';

/**
 * Answers the API client's "re-authentication required" with a password + 2FA dialog.
 * The request that triggered it waits on the returned promise and is retried once on success.
 */
export function ReauthProvider({ children }: { children: ReactNode }): ReactElement {
  const [opened, setOpened] = useState(false);
  const resolver = useRef<((ok: boolean) => void) | null>(null);

  useEffect(() => {
    setReauthHandler(
      () =>
        new Promise<boolean>((resolve) => {
          resolver.current?.(false);
          resolver.current = resolve;
          setOpened(true);
        }),
    );
    return () => setReauthHandler(null);
  }, []);

  const finish = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setOpened(false);
  };

  return (
    <>
      {children}
      {/* Above any confirm dialog that triggered it. */}
      <AppModal opened={opened} onClose={() => finish(false)} title={<ReauthTitle />} zIndex={1000}>
        {opened && <ReauthForm onDone={() => finish(true)} onCancel={() => finish(false)} />}
      </AppModal>
    </>
  );
}

function ReauthTitle(): ReactElement {
  const { t } = useTranslation();
  return <>{t('reauth.title')}</>;
}

function ReauthForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }): ReactElement {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { password: '', code: '' },
    validate: {
      password: (v) => (v ? null : t('common.validation.required')),
      code: (v) => (/^\d{6}$/.test(v) ? null : t('auth.totp.codeInvalidFormat')),
    },
  });
  const mutation = useMutation({
    mutationFn: (v: { password: string; code: string }) => authApi.reauth(v.password, v.code),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.onSubmit((v) => mutation.mutate(v))} noValidate>
      <Stack>
        <Text size="sm">{t('reauth.description')}</Text>
        <PasswordInput
          name="reauthPassword"
          label={t('auth.fields.password')}
          autoComplete="current-password"
          data-autofocus
          required
          {...form.getInputProps('password')}
        />
        <TextInput
          name="reauthCode"
          label={t('auth.totp.codeLabel')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          {...form.getInputProps('code')}
        />
        <ErrorAlert error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('reauth.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
