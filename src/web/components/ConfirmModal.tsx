import { Button, Group, Stack, Text } from '@mantine/core';
import { AppModal } from './AppModal';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** "Cancel" unless going back means something more (e.g. "Go back and translate"). */
  cancelLabel?: string;
  danger?: boolean;
  loading?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
  /** The cancel button, when it does more than close (it closes by default). */
  onCancel?: () => void;
  /** Once the dialog has gone: what is behind it can take the focus. */
  onExited?: () => void;
}

/** A yes/no dialog for actions that are hard to undo. */
export function ConfirmModal(props: Props): ReactElement {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={props.opened}
      onClose={props.onClose}
      onExitTransitionEnd={props.onExited}
      title={props.title}
    >
      <Stack>
        {typeof props.children === 'string' ? <Text>{props.children}</Text> : props.children}
        <ErrorAlert error={props.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel ?? props.onClose}>
            {props.cancelLabel ?? t('common.cancel')}
          </Button>
          <Button
            color={props.danger ? 'red.8' : undefined}
            loading={props.loading}
            onClick={props.onConfirm}
          >
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
