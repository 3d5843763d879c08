import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { AppModal } from '../../components/AppModal';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { RecoveryCodes } from '../../components/RecoveryCodes';
import { SUCCESS_GREEN } from '../users/status';
import { profileApi } from './api';

/** 2FA status and issuing a new set of recovery codes (the server asks for re-auth first). */
export function TwoFactorCard(): ReactElement {
  const { t } = useTranslation();
  const [codes, setCodes] = useState<string[] | null>(null);
  const regenerate = useMutation({
    mutationFn: profileApi.regenerateRecoveryCodes,
    onSuccess: (r) => setCodes(r.recoveryCodes),
  });
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('profile.twoFactor.title')}
          </Title>
          <Badge color={SUCCESS_GREEN} variant="filled" leftSection={<Icon name="shield" size={12} />}>
            {t('profile.twoFactor.on')}
          </Badge>
        </Group>
        <Text size="sm">{t('profile.twoFactor.description')}</Text>
        <ErrorAlert error={regenerate.error} />
        <Group>
          <Button variant="default" loading={regenerate.isPending} onClick={() => regenerate.mutate()}>
            {t('profile.twoFactor.regenerate')}
          </Button>
        </Group>
      </Stack>
      <AppModal
        opened={codes !== null}
        onClose={() => setCodes(null)}
        title={t('recovery.pageTitle')}
        size="lg"
        closeOnClickOutside={false}
      >
        {codes && <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />}
      </AppModal>
    </Card>
  );
}
