import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The same page for an event that does not exist and one this user may not see (a restricted event
 * they are not a member of), so the page never tells whether an event exists.
 */
export function EventNotFound(): ReactElement {
  const { t } = useTranslation('violations');
  useDocumentTitle(`${t('notFound.title')} · ${t('ui:app.name')}`);
  return (
    <Center mih="50vh" p="md">
      <Paper withBorder p="xl" maw={520} radius="md" data-testid="event-not-found">
        <Stack>
          <Title order={1} size="h2">
            {t('notFound.title')}
          </Title>
          <Text>{t('notFound.description')}</Text>
          <Button component={Link} to="/violations">
            {t('notFound.back')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
