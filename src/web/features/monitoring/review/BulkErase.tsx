import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../components/AppModal';
import { useFormat } from '../../../intl/format';
import { submissionsApi, type BulkResult } from '../api';
import { MonErrorAlert } from '../MonErrorAlert';

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
      <AppModal opened={confirming} onClose={close} title={t('bulk.eraseTitle', { count: ids.length, n })}>
        <Stack>
          <Text size="sm">{t('bulk.eraseText')}</Text>
          <Text size="sm">{t('erase.confirmText')}</Text>
          <Text size="sm" fw={600}>
            {t('bulk.eraseApproval')}
          </Text>
          <MonErrorAlert error={erase.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel', { ns: 'ui' })}
            </Button>
            <Button
              color="red.8"
              loading={erase.isPending}
              onClick={() => erase.mutate()}
              data-testid="bulk-erase-confirm"
            >
              {t('erase.confirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}
