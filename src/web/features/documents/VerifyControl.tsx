import { Alert, Button } from '@mantine/core';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { documentsApi, type VerifyReply } from './api';

type Verify = UseMutationResult<VerifyReply, Error, void>;

/** Ask the server to decrypt and re-hash one version (audited). A new latest version clears the result. */
export function useVerify(caseId: string, docId: string): Verify {
  const verify = useMutation({ mutationFn: () => documentsApi.verify(caseId, docId) });
  const { reset } = verify;
  useEffect(() => reset(), [docId, reset]);
  return verify;
}

export function VerifyButton({ verify }: { verify: Verify }): ReactElement {
  const { t } = useTranslation('documents');
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<Icon name="shield" size={14} />}
      loading={verify.isPending}
      onClick={() => verify.mutate()}
      data-testid="document-verify"
    >
      {t('doc.verify')}
    </Button>
  );
}

/** Says plainly whether the stored file is intact, and what is wrong when it is not. */
export function VerifyResult({ verify }: { verify: Verify }): ReactElement | null {
  const { t } = useTranslation('documents');
  const r = verify.data;
  if (verify.error) return <ErrorAlert error={verify.error} />;
  if (!r) return null;
  return (
    <Alert
      color={r.ok ? 'green' : 'red'}
      variant="light"
      role={r.ok ? 'status' : 'alert'}
      title={r.ok ? t('verify.okTitle') : t('verify.badTitle')}
      data-testid="verify-result"
      data-ok={r.ok ? '1' : '0'}
    >
      {r.ok ? t('verify.ok') : t(`verify.${r.problem ?? 'mismatch'}`)}
    </Alert>
  );
}
