import { Alert, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { PageLoader } from '../../components/PageLoader';
import { useFormat } from '../../intl/format';
import { AddPasskeyModal } from './AddPasskeyModal';
import { passkeysApi, type Passkey } from './api';
import { passkeysSupported } from './ceremony';
import { useInvalidatePasskeys, usePasskeys } from './queries';

function PasskeyItem({ passkey, onRemove }: { passkey: Passkey; onRemove: () => void }): ReactElement {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper withBorder p="sm" radius="md" component="li" data-testid="passkey-row" data-name={passkey.name}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start" miw={0}>
          <Text c="ukuk.8" mt={2} component="span" style={{ display: 'flex' }}>
            <Icon name="key" />
          </Text>
          <Stack gap={2} miw={0}>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {passkey.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t('passkeys.addedAt', { date: fmt.dateTime(passkey.createdAt) })}
            </Text>
            <Text size="xs" c="dimmed">
              {passkey.lastUsedAt
                ? t('passkeys.lastUsedAt', { date: fmt.dateTime(passkey.lastUsedAt) })
                : t('passkeys.neverUsed')}
            </Text>
          </Stack>
        </Group>
        <Button
          size="xs"
          variant="default"
          onClick={onRemove}
          aria-label={t('passkeys.removeAria', { name: passkey.name })}
          data-testid="passkey-remove"
          style={{ flexShrink: 0 }}
        >
          {t('passkeys.remove')}
        </Button>
      </Group>
    </Paper>
  );
}

/** The person's passkeys: what they are for, the list, add (with a name) and remove (confirmed). */
export function PasskeysCard(): ReactElement {
  const { t } = useTranslation();
  const passkeys = usePasskeys();
  const invalidate = useInvalidatePasskeys();
  const supported = passkeysSupported();
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const [removing, setRemoving] = useState<Passkey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (p: Passkey) => passkeysApi.remove(p.id),
    onSuccess: async () => {
      setRemoving(null);
      setNotice(t('passkeys.removed'));
      await invalidate();
    },
  });
  const items = passkeys.data?.items ?? [];
  return (
    <Card withBorder radius="md" padding="lg" data-testid="passkeys-card">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('passkeys.title')}
          </Title>
          <Button
            variant="default"
            leftSection={<Icon name="plus" size={16} />}
            onClick={() => {
              setNotice(null);
              openAdd();
            }}
            disabled={!supported}
            data-testid="passkey-add"
          >
            {t('passkeys.add')}
          </Button>
        </Group>
        <Text size="sm">{t('passkeys.description')}</Text>
        {!supported && (
          <Alert color="gray" variant="light" role="status">
            {t('passkeys.unsupported')}
          </Alert>
        )}
        {notice && (
          <Alert
            color="green"
            variant="light"
            role="status"
            withCloseButton
            onClose={() => setNotice(null)}
            closeButtonLabel={t('common.close')}
          >
            {notice}
          </Alert>
        )}
        {passkeys.isPending && <PageLoader minHeight={60} />}
        <ErrorAlert error={passkeys.error} />
        {passkeys.data && items.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="passkeys-empty">
            {t('passkeys.empty')}
          </Text>
        )}
        {items.length > 0 && (
          <Stack
            gap="xs"
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={t('passkeys.title')}
          >
            {items.map((p) => (
              <PasskeyItem key={p.id} passkey={p} onRemove={() => setRemoving(p)} />
            ))}
          </Stack>
        )}
      </Stack>
      <AddPasskeyModal
        opened={adding}
        onClose={closeAdd}
        onAdded={(name) => {
          closeAdd();
          setNotice(t('passkeys.added', { name }));
        }}
      />
      <ConfirmModal
        opened={removing !== null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        title={t('passkeys.removeConfirm.title', { name: removing?.name ?? '' })}
        confirmLabel={t('passkeys.removeConfirm.confirm')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
      >
        {t('passkeys.removeConfirm.body')}
      </ConfirmModal>
    </Card>
  );
}
