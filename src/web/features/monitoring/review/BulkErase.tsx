import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../intl/format';
import { submissionsApi, type BulkResult } from '../api';
import { EraseDialog } from '../submission/EraseDialog';

/**
 * "Erase permanently" for a selection (administrators; review.erase-many.ts on the server): a flood of
 * spam on the public form goes under one decision. Only the rejected reports of the selection go; the
 * server names the others. With another administrator active it becomes one request they approve.
 */
export function BulkErase({
  ids,
  disabled,
  onStart,
  onResult,
}: {
  ids: string[];
  disabled: boolean;
  onStart: () => void;
  onResult: (r: BulkResult) => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const [confirming, setConfirming] = useState(false);
  const erase = useMutation({
    mutationFn: () => submissionsApi.eraseMany(ids),
    onMutate: onStart,
    onSuccess: (r) => {
      setConfirming(false);
      onResult(r);
    },
  });
  const close = () => {
    setConfirming(false);
    erase.reset();
  };
  const n = fmt.number(ids.length);
  return (
    <>
      <Button
        size="sm"
        variant="outline"
        color="red.8"
        disabled={disabled || erase.isPending}
        onClick={() => setConfirming(true)}
        data-testid="bulk-erase"
      >
        {t('erase.button')}
      </Button>
      <EraseDialog
        opened={confirming}
        title={t('bulk.eraseTitle', { count: ids.length, n })}
        lead={t('bulk.eraseText')}
        approval={t('bulk.eraseApproval')}
        pending={erase.isPending}
        error={erase.error}
        onConfirm={() => erase.mutate()}
        onClose={close}
        confirmTestId="bulk-erase-confirm"
      />
    </>
  );
}
