import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { passkeysSupported } from '../passkeys/ceremony';
import { PasskeyLoginButton } from '../passkeys/PasskeyLoginButton';
import { PublicLayout } from '../../shell/PublicLayout';
import { authApi } from './api';
import { useFinishLogin } from './finish';

/**
 * Second login step: a 6-digit code from the authenticator app, a one-time recovery code, or —
 * when the password step said the account has one — a passkey.
 */
export function TotpPage(): ReactElement {
  const { t } = useTranslation();
  const { redirect, passkey } = useSearch({ strict: false });
  const finish = useFinishLogin();
  const [recovery, setRecovery] = useState(false);
  const form = useForm({
    initialValues: { code: '' },
    validate: {
      code: (v) => {
        if (recovery) {
          return v.trim() ? null : t('common.validation.required');
        }
        return /^\d{6}$/.test(v.replace(/\s/g, '')) ? null : t('auth.totp.codeInvalidFormat');
      },
    },
  });
  const verify = useMutation({
    mutationFn: (code: string) =>
      recovery ? authApi.recovery(code.trim()) : authApi.totp(code.replace(/\s/g, '')),
    onSuccess: () => finish(redirect),
  });

  const toggle = () => {
    setRecovery((r) => !r);
    form.reset();
    verify.reset();
  };

  return (
    <PublicLayout
      title={t('auth.totp.title')}
      description={recovery ? t('auth.totp.recoveryDescription') : t('auth.totp.description')}
    >
      <form onSubmit={form.onSubmit((v) => verify.mutate(v.code))} noValidate>
        <Stack>
          <TextInput
            key={recovery ? 'recovery' : 'totp'}
            name={recovery ? 'recoveryCode' : 'code'}
            label={recovery ? t('auth.totp.recoveryLabel') : t('auth.totp.codeLabel')}
            inputMode={recovery ? 'text' : 'numeric'}
            autoComplete={recovery ? 'off' : 'one-time-code'}
            maxLength={recovery ? 64 : 7}
            required
            data-autofocus
            autoFocus
            size="md"
            styles={{
              input: { letterSpacing: recovery ? undefined : '0.3em', fontVariantNumeric: 'tabular-nums' },
            }}
            {...form.getInputProps('code')}
          />
          <ErrorAlert error={verify.error} />
          <Button type="submit" loading={verify.isPending} size="md" fullWidth>
            {t('auth.totp.submit')}
          </Button>
          {passkey && !recovery && passkeysSupported() && (
            <PasskeyLoginButton onDone={() => finish(redirect)} onStart={() => verify.reset()} />
          )}
          <Anchor
            component="button"
            type="button"
            onClick={toggle}
            size="sm"
            ta="center"
            data-testid={recovery ? 'use-app' : 'use-recovery'}
          >
            {recovery ? t('auth.totp.useApp') : t('auth.totp.useRecovery')}
          </Anchor>
          <Anchor component={Link} to="/login" size="sm" ta="center">
            {t('auth.totp.backToLogin')}
          </Anchor>
        </Stack>
      </form>
    </PublicLayout>
  );
}
