import { Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetupStatus } from '../features/system/queries';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  width?: number;
}

/** Frame for pages shown before login: brand + language switch on top, one card below. */
export function PublicLayout({ title, description, children, width = 440 }: Props): ReactElement {
  const { t } = useTranslation();
  const status = useSetupStatus();
  return (
    <Box mih="100vh" bg="gray.0">
      <Box
        component="header"
        px="md"
        py="sm"
        bg="white"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" wrap="nowrap" maw={960} mx="auto">
          <Brand orgName={status.data?.orgName} />
          <LanguageSwitch loggedIn={false} />
        </Group>
      </Box>
      {/* Narrow margins on a phone: the results page nests cards and tables in this one. */}
      <Container component="main" size={width} px={{ base: 'xs', xs: 'md' }} py="xl">
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'sm', xs: 'xl' }}>
          <Stack gap="lg">
            <Stack gap={6}>
              <Title order={1} size="h2">
                {title}
              </Title>
              {description && <Text c="dimmed">{description}</Text>}
            </Stack>
            {children}
          </Stack>
        </Paper>
        <Text ta="center" size="xs" c="dimmed" mt="lg">
          {t('app.footer')}
        </Text>
      </Container>
    </Box>
  );
}
