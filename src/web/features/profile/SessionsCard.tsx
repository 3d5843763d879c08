import { Badge, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useFormat } from '../../intl/format';
import { useLogout } from '../../shell/session';
import { profileApi, type Session } from './api';
import { profileKeys, useSessions } from './queries';
import { describeUserAgent } from './userAgent';

function SessionItem({
  session,
  onEnd,
  ending,
}: {
  session: Session;
  onEnd: () => void;
  ending: boolean;
}): ReactElement {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="session-row" component="li">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} miw={0}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {describeUserAgent(session.userAgent) ?? t('profile.sessions.unknownDevice')}
            </Text>
            {session.current && (
              <Badge size="sm" variant="filled" color="ukuk.8">
                {t('profile.sessions.thisDevice')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('profile.sessions.createdAt', { date: fmt.dateTime(session.createdAt) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('profile.sessions.lastSeenAt', { date: fmt.dateTime(session.lastSeenAt) })}
          </Text>
        </Stack>
        {!session.current && (
          <Button size="xs" variant="default" onClick={onEnd} loading={ending}>
            {t('profile.sessions.end')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/** Every device the person is signed in on; end one, or all of them. */
export function SessionsCard(): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useSessions();
  const logout = useLogout();
  const [confirmAll, { open, close }] = useDisclosure(false);
  const end = useMutation({
    mutationFn: profileApi.endSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.allSessions }),
  });
  const endAll = useMutation({ mutationFn: () => logout(true) });
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('profile.sessions.title')}
          </Title>
          <Button color="red.8" variant="outline" onClick={open}>
            {t('profile.sessions.logoutAll')}
          </Button>
        </Group>
        {sessions.isPending && <PageLoader minHeight={80} />}
        <ErrorAlert error={sessions.error ?? end.error} />
        {sessions.data && (
          <Stack
            gap="xs"
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={t('profile.sessions.title')}
          >
            {sessions.data.items.map((s) => (
              <SessionItem
                key={s.id}
                session={s}
                onEnd={() => end.mutate(s.id)}
                ending={end.isPending && end.variables === s.id}
              />
            ))}
          </Stack>
        )}
      </Stack>
      <ConfirmModal
        opened={confirmAll}
        onClose={close}
        title={t('profile.sessions.logoutAllTitle')}
        confirmLabel={t('profile.sessions.logoutAll')}
        danger
        loading={endAll.isPending}
        error={endAll.error}
        onConfirm={() => endAll.mutate()}
      >
        {t('profile.sessions.logoutAllExplain')}
      </ConfirmModal>
    </Card>
  );
}
