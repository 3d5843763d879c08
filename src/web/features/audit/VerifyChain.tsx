import { Alert, Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { useFormat } from '../../intl/format';
import { auditApi } from './api';

/** Re-hashes the whole chain on the server and reports the first broken link, if any. */
export function VerifyChain(): ReactElement {
  const { t } = useTranslation();
  const fmt = useFormat();
  const verify = useMutation({ mutationFn: auditApi.verify });
  const result = verify.data;
  return (
    <Stack gap="sm">
      <Button
        variant="default"
        leftSection={<Icon name="shield" size={16} />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        data-testid="verify-chain"
      >
        {t('audit.verify.button')}
      </Button>
      <ErrorAlert error={verify.error} />
      {result?.ok && (
        <Alert
          color="green"
          variant="light"
          title={t('audit.verify.okTitle')}
          role="status"
          data-testid="verify-result"
        >
          {t('audit.verify.ok', { count: result.checked, formatted: fmt.number(result.checked) })}
        </Alert>
      )}
      {result && !result.ok && (
        <Alert
          color="red"
          variant="light"
          title={t('audit.verify.badTitle')}
          role="alert"
          data-testid="verify-result"
        >
          {result.firstBad
            ? t('audit.verify.bad', { seq: result.firstBad.seq, reason: result.firstBad.reason })
            : t('audit.verify.badUnknown')}
        </Alert>
      )}
    </Stack>
  );
}
