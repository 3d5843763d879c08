import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** Shown by error boundaries; offers a reload, which is the only safe generic recovery. */
export function CrashScreen(): ReactElement {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="md" component="main">
      <Paper withBorder p="xl" maw={480} radius="md">
        <Stack>
          <Title order={1} size="h2">
            {t('crash.title')}
          </Title>
          <Text>{t('crash.description')}</Text>
          <Button onClick={() => window.location.reload()}>{t('crash.reload')}</Button>
        </Stack>
      </Paper>
    </Center>
  );
}
