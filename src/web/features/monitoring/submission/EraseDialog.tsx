import { Button, Group, Stack, Text } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../components/AppModal';
import { MonErrorAlert } from '../MonErrorAlert';

/**
 * The last question before erasing reports for good (one report, or a selection): what goes, what is
 * not reached (earlier export files, backups) and that a second administrator may have to approve.
 */
export function EraseDialog({
  opened,
  title,
  lead,
  approval,
  pending,
  error,
  onConfirm,
  onClose,
  confirmTestId,
}: {
  opened: boolean;
  title: string;
  /** What this erasure takes, before the text every erasure shares. */
  lead?: ReactNode;
  approval: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  confirmTestId: string;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <AppModal opened={opened} onClose={onClose} title={title}>
      <Stack>
        {lead && <Text size="sm">{lead}</Text>}
        <Text size="sm">{t('erase.confirmText')}</Text>
        <Text size="sm" fw={600}>
          {approval}
        </Text>
        <MonErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button color="red.8" loading={pending} onClick={onConfirm} data-testid={confirmTestId}>
            {t('erase.confirm')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
