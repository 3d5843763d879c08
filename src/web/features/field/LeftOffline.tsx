import { Alert, Container, Stack, Text } from '@mantine/core';
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { settlePendingLogout } from '../../api/pendingLogout';

export const LOGIN = '/login?redirect=%2Ffield';

/**
 * After a logout or wipe with no connection: the phone holds nothing any more, but the server has not
 * heard of the logout yet. Said plainly, and finished by itself once the connection is back.
 */
export function LeftOffline(): ReactElement {
  const { t } = useTranslation('field');
  useEffect(() => {
    const back = () =>
      void settlePendingLogout().then((done) => {
        if (done) window.location.assign(LOGIN);
      });
    window.addEventListener('online', back);
    return () => window.removeEventListener('online', back);
  }, []);
  return (
    <Container size={480} px="sm" py="xl">
      <Alert color="orange" title={t('left_offline.title')} data-testid="field-left-offline">
        <Stack gap="xs">
          <Text size="sm">{t('left_offline.body')}</Text>
          <Text size="sm">{t('left_offline.lost')}</Text>
          <Text size="sm" fw={600}>
            {t('left_offline.next')}
          </Text>
        </Stack>
      </Alert>
    </Container>
  );
}
