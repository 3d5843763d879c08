import { Button, Card, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { install, useCanInstall } from './install';

/** "Add to home screen", only while the browser offers it (install.ts). */
export function InstallCard(): ReactElement | null {
  const { t } = useTranslation('field');
  const can = useCanInstall();
  if (!can) return null;
  return (
    <Card withBorder padding="md" data-testid="field-install">
      <Stack gap="xs">
        <Text size="sm">{t('home.install_hint')}</Text>
        <Button variant="light" size="md" onClick={() => void install()} data-testid="field-install-button">
          {t('home.install')}
        </Button>
      </Stack>
    </Card>
  );
}
