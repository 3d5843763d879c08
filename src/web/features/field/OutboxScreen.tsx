import { Badge, Button, Card, Container, Group, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../intl/format';
import { useField } from './context';
import type { Assignment, OutboxItem, StoredForm } from './db';
import { FieldHeader } from './FieldHeader';
import { loc, useLive } from './live';
import { problemLines, problemText } from './problem';
import { SessionEnded } from './SessionEnded';

const ORDER: Record<OutboxItem['status'], number> = { rejected: 0, queued: 1, sent: 2 };
const COLOR: Record<OutboxItem['status'], string> = { rejected: 'red', queued: 'orange', sent: 'teal' };

/** What is sent and what waits, with the server's reason for any refusal. */
export function OutboxScreen(): ReactElement {
  const { t, i18n } = useTranslation('field');
  const { db, lang, online, syncing, sync, go, needsLogin } = useField();
  const items = useLive<OutboxItem[] | null>(() => db.outbox.toArray(), [db], null);
  const forms = useLive(() => db.forms.toArray(), [db], [] as StoredForm[]);
  const sites = useLive(() => db.assignments.toArray(), [db], [] as Assignment[]);
  // The office app's format (Bishkek time, medium date): "short" read 1/12/26 in Kyrgyz.
  const time = { format: (d: Date) => formatDateTime(i18n.language, d.toISOString()) ?? '' };
  if (!items) return <Container size={480} />;
  const sorted = [...items].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || b.submittedAt.localeCompare(a.submittedAt),
  );
  const waiting = items.filter((i) => i.status === 'queued').length;
  const refused = items.filter((i) => i.status === 'rejected').length;

  return (
    <Container size={480} px="sm" pb="xl">
      <FieldHeader title={t('outbox.title')} back="" />
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={700} data-testid="outbox-waiting">
            {waiting
              ? t('home.waiting', { count: waiting })
              : refused
                ? t('home.rejected', { count: refused })
                : items.length
                  ? t('home.all_sent')
                  : null}
          </Text>
          {waiting > 0 && (
            <Button
              size="md"
              disabled={!online || needsLogin}
              loading={syncing}
              onClick={() => void sync(true)}
              data-testid="outbox-send-now"
            >
              {t('send_now')}
            </Button>
          )}
        </Group>
        {needsLogin && waiting > 0 && <SessionEnded />}
        {!online && waiting > 0 && (
          <Text size="sm" c="dimmed">
            {t('outbox.offline_hint')}
          </Text>
        )}
        {sorted.length === 0 && <Text c="dimmed">{t('outbox.empty')}</Text>}
        {sorted.map((item) => {
          const form = forms.find((f) => f.id === item.formVersionId);
          const site = sites.find((s) => s.siteId === item.siteId);
          return (
            <Card
              key={item.clientId}
              withBorder
              padding="sm"
              data-testid="outbox-item"
              data-status={item.status}
            >
              <Stack gap={4}>
                <Group gap={6}>
                  <Badge color={COLOR[item.status]} data-testid="outbox-status">
                    {t(`outbox.status.${item.status}`)}
                  </Badge>
                  {item.critical && (
                    <Badge color="red" variant="outline">
                      {t('outbox.critical')}
                    </Badge>
                  )}
                </Group>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {loc(form?.definition.title, lang) || t('outbox.unknown_form')}
                </Text>
                <Text size="sm" c="dimmed">
                  {site?.siteName ?? ''} ·{' '}
                  {/* Whole: a Kyrgyz date («2026-ж., 7-дек.») broke at its hyphen onto two lines. */}
                  <span style={{ whiteSpace: 'nowrap' }}>{time.format(new Date(item.submittedAt))}</span>
                </Text>
              </Stack>
              {item.status === 'sent' && item.sentAt && (
                <Text size="sm" mt={4}>
                  {t('outbox.sent_at', { time: time.format(new Date(item.sentAt)) })}
                </Text>
              )}
              {item.status === 'queued' && item.attempts > 0 && (
                <Text size="sm" mt={4} c="dimmed" data-testid="outbox-waiting-why">
                  {!item.error
                    ? t('outbox.retry', { count: item.attempts })
                    : item.error.status === 429
                      ? // The server's limits (files this account may send) say why it waits and what to do.
                        problemText(item.error, t)
                      : t('outbox.error_generic', { status: item.error.status })}
                </Text>
              )}
              {item.status === 'rejected' && item.error && (
                <Stack gap={4} mt={6}>
                  {problemLines(item.error, form?.definition, lang, t).map((line) => (
                    <Text key={line} size="sm" c="red" data-testid="outbox-error">
                      {line}
                    </Text>
                  ))}
                  <Button
                    size="md"
                    variant="light"
                    color="red"
                    onClick={() => go(`edit/${item.clientId}`)}
                    data-testid="outbox-correct"
                  >
                    {t('outbox.correct')}
                  </Button>
                </Stack>
              )}
            </Card>
          );
        })}
      </Stack>
    </Container>
  );
}
