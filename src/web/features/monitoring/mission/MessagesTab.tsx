import { Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/PageLoader';
import { useFormat } from '../../../intl/format';
import { messagesApi, type Mission, type MissionMessage } from '../api';
import { useRegionName } from '../labels';
import { MonErrorAlert } from '../MonErrorAlert';
import { monitoringKeys, useInvalidate } from '../queries';
import { siteContext } from '../siteWords';
import { MessageComposer } from './MessageComposer';

/** Read counts move as phones connect: read again every 30 s while the mission runs. */
const REFRESH_MS = 30_000;

/**
 * Messages to the mission's observers (ADR 0033): a composer, and what was sent with how many of its
 * observers have read it. A region coordinator writes to their regions and sees those messages and the
 * ones to everybody.
 */
export function MessagesTab({ mission }: { mission: Mission }): ReactElement {
  const { t } = useTranslation('monitoring');
  const live = mission.status === 'active';
  const q = useQuery({
    queryKey: monitoringKeys.messages(mission.id),
    queryFn: () => messagesApi.list(mission.id),
    refetchInterval: live ? REFRESH_MS : false,
  });
  return (
    <Stack gap="lg" maw={720}>
      {mission.status === 'closed' ? (
        <Text c="dimmed" data-testid="messages-closed">
          {t('messages.closed')}
        </Text>
      ) : (
        <MessageComposer mission={mission} />
      )}
      <Title order={2} size="h4">
        {t('messages.list')}
      </Title>
      {q.isPending ? (
        <PageLoader />
      ) : q.error ? (
        <MonErrorAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <Text c="dimmed" data-testid="messages-empty">
          {t('messages.empty', siteContext(mission.kind))}
        </Text>
      ) : (
        q.data.items.map((m) => <MessageCard key={m.id} mission={mission} message={m} />)
      )}
    </Stack>
  );
}

function MessageCard({ mission, message: m }: { mission: Mission; message: MissionMessage }): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const regionName = useRegionName();
  const invalidate = useInvalidate();
  const [confirm, setConfirm] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => messagesApi.withdraw(m.id),
    onSuccess: async () => {
      setConfirm(false);
      await invalidate(monitoringKeys.messages(mission.id));
    },
  });
  const withdrawn = m.withdrawnAt !== null;
  return (
    <Card withBorder padding="md" data-testid="message" c={withdrawn ? 'dimmed' : undefined}>
      <Stack gap={6}>
        <Group gap="xs">
          <Badge variant="light" tt="none" color={m.region ? 'blue' : 'grape'}>
            {m.region === null ? t('messages.everyone_short') : regionName(m.region)}
          </Badge>
          <Text size="sm" c="dimmed">
            {m.author.name} · {fmt.dateTime(m.at)}
          </Text>
        </Group>
        <Text
          style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}
          td={withdrawn ? 'line-through' : undefined}
        >
          {m.text}
        </Text>
        {/* What happened to it, and what can still be done, at its foot. */}
        <Group gap="xs" justify="space-between" wrap="wrap">
          {withdrawn ? (
            <Badge color="gray" variant="outline" tt="none" data-testid="message-withdrawn">
              {t('messages.withdrawn', { time: fmt.dateTime(m.withdrawnAt) })}
            </Badge>
          ) : (
            <Text size="sm" fw={500} data-testid="message-read">
              {m.recipients === 0
                ? t('messages.nobody')
                : t('messages.read', { count: m.recipients, read: fmt.number(m.read) })}
            </Text>
          )}
          {m.canWithdraw && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => setConfirm(true)}
              data-testid="message-withdraw"
            >
              {t('messages.withdraw')}
            </Button>
          )}
        </Group>
      </Stack>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('messages.withdraw_title')} centered>
        <Stack>
          <Text>{t('messages.withdraw_body')}</Text>
          <MonErrorAlert error={withdraw.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              {t('messages.cancel')}
            </Button>
            <Button
              color="red"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate()}
              data-testid="message-withdraw-confirm"
            >
              {t('messages.withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
