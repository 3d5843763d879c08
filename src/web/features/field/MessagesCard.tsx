import { Button, Card, Collapse, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../intl/format';
import { useField } from './context';
import type { StoredMessage } from './db';
import { useLive } from './live';
import { downloadMessages, markRead, openMessages, sendReceipts, type FieldMessage } from './messages';
import { fieldHttp } from './transport';

/** While the home screen is open and online, new messages are looked for this often. */
export const MESSAGES_EVERY_MS = 60_000;
// Module state, not the card's: coming back to the home screen from a report does not ask again at once.
let lastAsked = 0;

/**
 * Fetches the messages when the home screen shows, every minute while it stays open, and at once when
 * the phone comes back online (which also sends the "Got it" taps made offline).
 */
function useMessagesRefresh(): void {
  const { db } = useField();
  useEffect(() => {
    const ask = (force: boolean) => {
      if (!navigator.onLine || (!force && Date.now() - lastAsked < MESSAGES_EVERY_MS)) return;
      lastAsked = Date.now();
      void downloadMessages(db, fieldHttp);
    };
    ask(false);
    const timer = window.setInterval(() => ask(false), MESSAGES_EVERY_MS);
    const online = () => ask(true);
    window.addEventListener('online', online);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', online);
    };
  }, [db]);
}

/**
 * The coordinators' messages on the home screen (ADR 0033): unread ones in full, each with "Got it";
 * read ones folded under a count. Nothing at all when there are none.
 */
export function MessagesCard(): ReactElement | null {
  const { t, i18n } = useTranslation('field');
  const { db } = useField();
  useMessagesRefresh();
  const rows = useLive(() => db.messages.toArray(), [db], [] as StoredMessage[]);
  const [messages, setMessages] = useState<FieldMessage[]>([]);
  const [earlier, setEarlier] = useState(false);
  useEffect(() => {
    let live = true;
    void openMessages(db, rows).then((m) => live && setMessages(m));
    return () => {
      live = false;
    };
  }, [db, rows]);
  if (messages.length === 0) return null;
  const unread = messages.filter((m) => !m.read);
  const read = messages.filter((m) => m.read);
  const gotIt = async (id: string) => {
    await markRead(db, id);
    if (navigator.onLine) void sendReceipts(db, fieldHttp);
  };
  const item = (m: FieldMessage) => (
    <Stack key={m.id} gap={4} data-testid={m.read ? 'field-message-read' : 'field-message'}>
      <Text size="xs" c="dimmed">
        {m.missionTitle} · {formatDateTime(i18n.language, m.at)}
      </Text>
      <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} fw={m.read ? undefined : 500}>
        {m.text}
      </Text>
      {!m.read && (
        <Button
          size="md"
          variant="light"
          color="blue"
          onClick={() => void gotIt(m.id)}
          data-testid="field-message-ok"
        >
          {t('messages.ok')}
        </Button>
      )}
    </Stack>
  );
  return (
    <Card
      withBorder
      padding="md"
      data-testid="field-messages"
      style={unread.length ? { borderColor: 'var(--mantine-color-blue-6)', borderWidth: 2 } : undefined}
    >
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('messages.title')}
        </Title>
        {unread.map(item)}
        {read.length > 0 && (
          <>
            <UnstyledButton
              onClick={() => setEarlier((v) => !v)}
              aria-expanded={earlier}
              data-testid="field-messages-earlier"
            >
              <Text size="sm" c="blue.7" td="underline">
                {earlier ? t('messages.hide') : t('messages.earlier', { count: read.length })}
              </Text>
            </UnstyledButton>
            <Collapse expanded={earlier}>
              <Stack gap="md">{read.map(item)}</Stack>
            </Collapse>
          </>
        )}
      </Stack>
    </Card>
  );
}
