import { Alert } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { PasskeyBrowserError } from './ceremony';

/**
 * A failed passkey ceremony: a cancelled browser dialog is a calm grey note (people close it on
 * purpose), anything else a red alert; server errors go through the usual translated alert.
 */
export function PasskeyError({
  error,
  context,
}: {
  error: unknown;
  context: 'login' | 'add';
}): ReactElement | null {
  const { t } = useTranslation();
  if (!(error instanceof PasskeyBrowserError)) {
    return <ErrorAlert error={error} />;
  }
  if (error.problem === 'cancelled') {
    return (
      <Alert
        color="gray"
        variant="light"
        icon={<Icon name="key" />}
        role="status"
        data-testid="passkey-cancelled"
      >
        {context === 'login' ? t('passkeys.login.cancelled') : t('passkeys.errors.cancelled')}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" title={t('common.errors.title')} role="alert">
      {t(`passkeys.errors.${error.problem}`)}
    </Alert>
  );
}
