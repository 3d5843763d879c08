import { Button, Divider, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { loginWithPasskey } from './ceremony';
import { PasskeyError } from './PasskeyError';

/** "Use a passkey instead" on the second login step; calls `onDone` once the session is full. */
export function PasskeyLoginButton({
  onDone,
  onStart,
}: {
  onDone: () => Promise<void>;
  onStart?: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const login = useMutation({ mutationFn: loginWithPasskey, onSuccess: onDone });
  return (
    <Stack gap="sm">
      <Divider label={t('passkeys.login.or')} labelPosition="center" />
      <Button
        variant="default"
        size="md"
        fullWidth
        leftSection={<Icon name="key" />}
        loading={login.isPending}
        onClick={() => {
          onStart?.();
          login.mutate();
        }}
        data-testid="passkey-login"
      >
        {t('passkeys.login.use')}
      </Button>
      <PasskeyError error={login.error} context="login" />
    </Stack>
  );
}
