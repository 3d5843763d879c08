import { Alert } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorMessage } from './errors';

/** Shows a failed request as a red alert (a pending approval in blue); silent when the user cancelled a re-auth prompt. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }): ReactElement | null {
  const { t } = useTranslation();
  if (!error) {
    return null;
  }
  if (error instanceof ApiError && error.code === 'auth.reauth_required') {
    return null;
  }
  // A request that waits for a second administrator is news, not a failure: said in blue.
  const waiting = error instanceof ApiError && error.code === 'export.approval_requested';
  return (
    <Alert
      color={waiting ? 'blue' : 'red'}
      variant="light"
      title={title ?? t('common.errors.title')}
      role={waiting ? 'status' : 'alert'}
    >
      {errorMessage(t, error)}
    </Alert>
  );
}
