import { Alert, Button, Card, Container, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../intl/format';
import { useField } from './context';
import type { Assignment } from './db';
import { FieldHeader } from './FieldHeader';
import { LeftOffline, LOGIN } from './LeftOffline';
import { loc, useLive } from './live';
import { MessagesCard } from './MessagesCard';
import { OfflineReady } from './OfflineReady';
import { InstallCard } from './InstallCard';
import { outboxCounts, type OutboxCounts } from './outbox';
import { PhoneCard } from './PhoneCard';
import { PinCard } from './PinCard';
import { pinMissing } from './pin';
import { leaveDevice } from './session';
import { SessionEnded } from './SessionEnded';
import { bySite, kindContext } from './home.sites';

/**
 * A button label that wraps instead of being cut. The outbox buttons are stacked full width: side by
 * side on a 360–375 px phone, the single Kyrgyz word «билдирүүлөр» alone was wider than half the card.
 */
const WRAP = {
  h: 'auto',
  mih: 42,
  py: 6,
  styles: { label: { whiteSpace: 'normal' as const, textAlign: 'center' as const } },
};

/** Home: the critical-incident button, what waits to be sent, and the assigned sites and forms. */
export function HomeScreen(): ReactElement {
  const { t, i18n } = useTranslation('field');
  const { db, user, lang, online, needsLogin, syncing, sync, download, go } = useField();
  const loaded = useLive<OutboxCounts | null>(() => outboxCounts(db), [db], null);
  const counts = loaded ?? { waiting: 0, rejected: 0, sent: 0 };
  const rows = useLive(() => db.assignments.toArray(), [db], [] as Assignment[]);
  const forms = useLive(() => db.forms.toArray(), [db], []);
  // When the sites and forms were last fetched: "Update" otherwise gave no sign it had done anything.
  const downloadedAt = useLive(
    async () => ((await db.meta.get('downloadedAt'))?.value as string | undefined) ?? null,
    [db],
    null,
  );
  const [busy, setBusy] = useState(false);
  const [downloadFailed, setDownloadFailed] = useState(false);
  const [confirm, setConfirm] = useState<'logout' | 'wipe' | null>(null);
  const [leftOffline, setLeftOffline] = useState(false);
  // Everything not on the server yet, refused ones included: what a logout or a wipe would lose.
  const unsent = counts.waiting + counts.rejected;
  const formTitle = (id: string) => loc(forms.find((f) => f.id === id)?.definition.title, lang);
  const hasIncident = forms.some((f) => f.definition.kind === 'incident');
  // A mission requires the PIN lock and there is none: no report starts until it is set (ADR 0031).
  const pinFirst = useLive(() => pinMissing(db), [db], false);
  const noIncident = forms.length > 0 && !hasIncident;

  const leave = async (kind: 'logout' | 'wipe') => {
    setBusy(true);
    const ended = await leaveDevice(db, kind === 'wipe');
    // Offline the login page may not load (a wipe removes the app's offline copy): stay on this page.
    if (ended === 'ended') window.location.assign(LOGIN);
    else setLeftOffline(true);
  };

  if (leftOffline) return <LeftOffline />;

  return (
    <Container size={480} px="sm" pb="xl">
      <FieldHeader title={t('title')} />
      <Stack gap="md">
        <Text c="dimmed" size="sm">
          {t('home.hello', { name: user.name })}
        </Text>
        {/* First: the red button below waits for it, and says so through this card. */}
        {pinFirst && <PinCard missing />}
        <Button
          size="xl"
          h={88}
          color="red"
          fullWidth
          disabled={!hasIncident || pinFirst}
          aria-describedby={noIncident ? 'field-no-incident' : pinFirst ? 'field-pin-card-text' : undefined}
          data-testid="field-incident"
          onClick={() => go('incident')}
        >
          {t('home.incident')}
        </Button>
        {/* A dead red button must say why; an observer with no forms at all is told below. */}
        {noIncident && (
          <Text size="sm" c="dimmed" id="field-no-incident" data-testid="field-no-incident">
            {t('home.no_incident')}
          </Text>
        )}
        <MessagesCard />
        {needsLogin && <SessionEnded />}
        <Card withBorder padding="md" data-testid="field-outbox-card">
          <Stack gap="xs">
            {/* Nothing until the outbox is read: "everything sent" must never show by default. */}
            {/* A refused report is not "waiting": it waits for the observer, who is told so in red. */}
            <Text
              fw={700}
              data-testid="field-waiting"
              mih={24}
              c={counts.waiting ? undefined : counts.rejected ? 'red' : undefined}
            >
              {loaded &&
                (counts.waiting
                  ? t('home.waiting', { count: counts.waiting })
                  : counts.rejected
                    ? t('home.rejected', { count: counts.rejected })
                    : counts.sent
                      ? t('home.all_sent')
                      : t('home.nothing_waiting'))}
            </Text>
            {counts.waiting > 0 && counts.rejected > 0 && (
              <Text c="red" size="sm">
                {t('home.rejected', { count: counts.rejected })}
              </Text>
            )}
            {counts.sent > 0 && (
              <Text size="sm" c="dimmed">
                {t('home.sent', { count: counts.sent })}
              </Text>
            )}
            <Stack gap="xs">
              <Button
                size="md"
                variant="light"
                fullWidth
                {...WRAP}
                onClick={() => go('outbox')}
                data-testid="field-open-outbox"
              >
                {t('home.open_outbox')}
              </Button>
              {/* Only with something to send: a greyed "Send now" beside "nothing waits" read as a fault. */}
              {counts.waiting > 0 && (
                <Button
                  size="md"
                  fullWidth
                  {...WRAP}
                  disabled={!online}
                  loading={syncing}
                  onClick={() => void sync(true)}
                  data-testid="field-send-now"
                >
                  {t('send_now')}
                </Button>
              )}
            </Stack>
          </Stack>
        </Card>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('home.sites', kindContext(rows))}
          </Title>
          <Button
            variant="light"
            size="md"
            disabled={!online}
            loading={busy}
            data-testid="field-download"
            onClick={() => {
              setBusy(true);
              void download()
                .then((ok) => setDownloadFailed(!ok))
                .finally(() => setBusy(false));
            }}
          >
            {t('home.download')}
          </Button>
        </Group>
        {downloadedAt && (
          <Text size="sm" c="dimmed" mt={-8} data-testid="field-downloaded-at">
            {t('home.downloaded_at', { time: formatDateTime(i18n.language, downloadedAt) })}
          </Text>
        )}
        <OfflineReady />
        {downloadFailed && <Alert color="red">{t('home.download_failed')}</Alert>}
        {rows.length === 0 && <Text c="dimmed">{t('home.no_sites')}</Text>}
        {bySite(rows).map((g) => (
          <Card key={g.siteId} withBorder padding="md" data-testid="field-site">
            <Text fw={700}>{g.siteName}</Text>
            <Text size="sm" c="dimmed" mb="xs">
              {g.siteCode} · {g.missionTitle}
              {g.visits > 1 && (
                <Text span size="sm" display="block" data-testid="field-site-visits">
                  {t('home.visits_planned', { count: g.visits, context: g.missionKind })}
                </Text>
              )}
            </Text>
            <Stack gap="xs">
              {g.rows.map((r) => (
                <Button
                  key={r.formVersionId}
                  size="lg"
                  variant="light"
                  fullWidth
                  justify="flex-start"
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                  h="auto"
                  mih={56}
                  data-testid={`field-form-${r.formVersionId}`}
                  disabled={pinFirst}
                  onClick={() => go(`report/${r.formVersionId}/${r.siteId}`)}
                >
                  {formTitle(r.formVersionId)}
                </Button>
              ))}
            </Stack>
          </Card>
        ))}
        {/* After the sites: a one-time step, not something to read past before every report. */}
        <InstallCard />
        <PhoneCard online={online && !needsLogin} />
        {!pinFirst && <PinCard />}
        {/* One above the other, well apart: side by side, a slip on "log out" landed on "wipe". */}
        <Stack gap="xl" mt="lg">
          <Button size="md" variant="default" onClick={() => setConfirm('logout')} data-testid="field-logout">
            {t('logout.button')}
          </Button>
          <Button
            size="md"
            variant="outline"
            color="red"
            onClick={() => setConfirm('wipe')}
            data-testid="field-wipe"
          >
            {t('wipe.button')}
          </Button>
        </Stack>
      </Stack>
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === 'wipe' ? t('wipe.title') : t('logout.title')}
        centered
      >
        <Stack>
          <Text>{confirm === 'wipe' ? t('wipe.body') : t('logout.body')}</Text>
          {unsent > 0 && <Alert color="red">{t('logout.unsent', { count: unsent })}</Alert>}
          <Button
            color="red"
            size="lg"
            loading={busy}
            data-testid="field-confirm"
            onClick={() => confirm && void leave(confirm)}
          >
            {confirm === 'wipe' ? t('wipe.confirm') : t('logout.confirm')}
          </Button>
          {/* A way back as large as the way on: the ✕ in the corner is hard to hit with a thumb. */}
          <Button
            variant="default"
            size="lg"
            disabled={busy}
            data-testid="field-confirm-cancel"
            onClick={() => setConfirm(null)}
          >
            {t('wipe.cancel')}
          </Button>
        </Stack>
      </Modal>
    </Container>
  );
}
