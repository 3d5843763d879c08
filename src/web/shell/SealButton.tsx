import { ActionIcon, Button, List, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../components/ConfirmModal';
import { Icon } from '../components/icons';
import { systemApi } from '../features/system/api';
import { systemKeys } from '../features/system/queries';

/** The panic button: after confirmation the server drops its key and ends every session. */
export function SealButton(): ReactElement {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const seal = useMutation({
    mutationFn: systemApi.seal,
    onSuccess: async () => {
      close();
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'system' });
      await queryClient.invalidateQueries({ queryKey: systemKeys.health });
    },
  });
  return (
    <>
      <Button
        color="red.8"
        onClick={open}
        leftSection={<Icon name="lock" size={16} />}
        visibleFrom="sm"
        data-testid="seal-button"
      >
        {t('seal.button')}
      </Button>
      <ActionIcon
        color="red.8"
        variant="filled"
        size={34}
        onClick={open}
        hiddenFrom="sm"
        aria-label={t('seal.button')}
      >
        <Icon name="lock" />
      </ActionIcon>
      <ConfirmModal
        opened={opened}
        onClose={close}
        title={t('seal.confirmTitle')}
        confirmLabel={t('seal.confirm')}
        danger
        loading={seal.isPending}
        error={seal.error}
        onConfirm={() => seal.mutate()}
      >
        <Stack gap="xs">
          <Text>{t('seal.explain')}</Text>
          <List size="sm" spacing={4}>
            <List.Item>{t('seal.effects.key')}</List.Item>
            <List.Item>{t('seal.effects.sessions')}</List.Item>
            <List.Item>{t('seal.effects.unseal')}</List.Item>
          </List>
        </Stack>
      </ConfirmModal>
    </>
  );
}
