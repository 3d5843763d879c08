import { Alert } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../components/errors';
import { i18n } from '../../i18n';

/**
 * Like errorMessage, but a message with values ("Aigul is working on this submission") comes from
 * the server, which filled them in, already in the language the request asked for.
 */
export function monErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.message) {
    const raw: unknown = i18n.getResource(i18n.resolvedLanguage ?? i18n.language, 'errors', error.code);
    if (typeof raw === 'string' && raw.includes('{{')) return error.message;
  }
  return errorMessage(t, error);
}

/** A failed request as a red alert (role=alert), with server-filled values kept. */
export function MonErrorAlert({ error }: { error: unknown }): ReactElement | null {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && error.code === 'auth.reauth_required') return null;
  // A refusal of what was entered (a taken code, a bad CSV line) explains itself; "Something went
  // wrong" over it read as a failure of the system. The heading stays for failures: 5xx, no network.
  const refusal = error instanceof ApiError && error.status >= 400 && error.status < 500;
  return (
    <Alert color="red" variant="light" title={refusal ? undefined : t('common.errors.title')} role="alert">
      {monErrorMessage(t, error)}
    </Alert>
  );
}
