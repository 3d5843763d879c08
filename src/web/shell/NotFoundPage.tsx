import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** 404 for unknown addresses inside the app. */
export function NotFoundPage(): ReactElement {
  const { t } = useTranslation();
  return (
    <Center mih="70vh" p="md" component="main">
      <Paper withBorder p="xl" maw={480} radius="md">
        <Stack>
          <Text c="dimmed" fw={700} size="xl">
            {t('notFound.code')}
          </Text>
          <Title order={1} size="h2">
            {t('notFound.title')}
          </Title>
          <Text>{t('notFound.description')}</Text>
          <Button component={Link} to="/">
            {t('notFound.home')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
