import {
  Alert,
  Button,
  Card,
  Group,
  Input,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { CopyText } from '../../components/CopyText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { calendarApi, type CalendarScope } from './api';
import { calendarKeys, useFeedStatus } from './queries';
import { useCalendarFormat } from './time';

/**
 * The private iCalendar link: create, replace (the old link stops working) or turn off. The link is
 * shown once, right after it is made; only its hash is kept on the server.
 */
export function FeedCard(): ReactElement {
  const { t } = useTranslation('calendar');
  const fmt = useCalendarFormat();
  const queryClient = useQueryClient();
  const status = useFeedStatus();
  const feed = status.data?.feed ?? null;
  const [scope, setScope] = useState<CalendarScope>('me');
  const [url, setUrl] = useState<string | null>(null);
  const [confirmOff, setConfirmOff] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: calendarKeys.feed });
  const create = useMutation({
    mutationFn: (s: CalendarScope) => calendarApi.createFeed(s),
    onSuccess: async (r) => {
      setUrl(r.url);
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: calendarApi.revokeFeed,
    onSuccess: async () => {
      setUrl(null);
      setConfirmOff(false);
      await refresh();
    },
  });
  return (
    <Card withBorder radius="md" padding="md" data-testid="feed-card">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('feed.title')}
        </Title>
        <Text size="sm">{t('feed.description')}</Text>
        <ErrorAlert error={status.error ?? create.error} />
        {feed && !url && (
          <Text size="sm" data-testid="feed-active">
            {t('feed.active', { scope: t(`scope.${feed.scope}`), date: fmt.dateTime(feed.createdAt) })}
          </Text>
        )}
        {url && (
          <Stack gap="xs">
            <TextInput
              label={t('feed.newUrl')}
              value={url}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
              data-testid="feed-url"
            />
            <Group>
              <CopyText value={url} />
            </Group>
            <Alert variant="light" color="orange.9">
              {t('feed.warning')}
            </Alert>
          </Stack>
        )}
        <Group gap="sm" align="flex-end">
          <Stack gap={4}>
            <Input.Label id="feed-scope-label">{t('feed.scopeLabel')}</Input.Label>
            <SegmentedControl
              value={scope}
              onChange={(v) => setScope(v === 'org' ? 'org' : 'me')}
              aria-labelledby="feed-scope-label"
              data={[
                { value: 'me', label: t('scope.me') },
                { value: 'org', label: t('scope.org') },
              ]}
            />
          </Stack>
          <Button onClick={() => create.mutate(scope)} loading={create.isPending} data-testid="feed-create">
            {feed ? t('feed.rotate') : t('feed.create')}
          </Button>
          {feed && (
            <Button
              variant="default"
              color="red.8"
              onClick={() => setConfirmOff(true)}
              data-testid="feed-revoke"
            >
              {t('feed.revoke')}
            </Button>
          )}
        </Group>
        {feed && (
          <Text size="xs" c="dimmed">
            {t('feed.rotateHint')}
          </Text>
        )}
      </Stack>
      <ConfirmModal
        opened={confirmOff}
        title={t('feed.revokeTitle')}
        confirmLabel={t('feed.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoke.mutate()}
        onClose={() => setConfirmOff(false)}
      >
        {t('feed.revokeConfirm')}
      </ConfirmModal>
    </Card>
  );
}
