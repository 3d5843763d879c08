import { Alert, Button, Container, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useField } from './context';
import { FieldHeader } from './FieldHeader';
import { LeftOffline, LOGIN } from './LeftOffline';
import { triesLeft, unlock } from './pin';
import { leaveDevice } from './session';

/**
 * What a locked field app shows instead of every screen (ADR 0031): the PIN, how many tries are left
 * before the phone is erased, and a way out for a forgotten PIN (erase and log in again). Out of tries,
 * the phone is erased at once, as "Wipe this device" does.
 */
export function LockScreen({ onUnlocked }: { onUnlocked: () => void }): ReactElement {
  const { t } = useTranslation('field');
  const { db } = useField();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [left, setLeft] = useState<number | null>(null);
  const [forgot, setForgot] = useState(false);
  const [gone, setGone] = useState(false);

  const erase = async () => {
    setBusy(true);
    const ended = await leaveDevice(db, true);
    // Offline the login page may not load (the wipe removed the app's offline copy): stay here.
    if (ended === 'ended') window.location.assign(LOGIN);
    else setGone(true);
  };

  useEffect(() => {
    // Out of tries already (the last one was made, then the tab closed before the wipe).
    void triesLeft(db).then((n) => {
      if (n <= 0) void erase();
    });
    // Once, when the lock screen appears.
  }, []);

  const tryPin = async () => {
    setBusy(true);
    const r = await unlock(db, pin);
    setPin('');
    if (r.ok) return onUnlocked();
    if ('wipe' in r) return erase();
    setLeft(r.left);
    setBusy(false);
  };

  if (gone) return <LeftOffline />;
  return (
    <Container size={480} px="sm" pb="xl">
      <FieldHeader title={t('lock.title')} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (pin && !busy) void tryPin();
        }}
      >
        <Stack>
          <Text>{t('lock.body')}</Text>
          <PasswordInput
            size="lg"
            label={t('pin.pin_label')}
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value)}
            autoComplete="off"
            autoFocus
            data-testid="field-unlock-pin"
          />
          {left !== null && (
            <Alert color="red" data-testid="field-unlock-wrong">
              {t('lock.wrong', { count: left })}
            </Alert>
          )}
          <Button type="submit" size="lg" loading={busy} disabled={!pin} data-testid="field-unlock">
            {t('lock.unlock')}
          </Button>
          <Button
            variant="subtle"
            mt="xl"
            disabled={busy}
            onClick={() => setForgot(true)}
            data-testid="field-forgot-pin"
          >
            {t('lock.forgot')}
          </Button>
        </Stack>
      </form>
      <Modal opened={forgot} onClose={() => setForgot(false)} title={t('lock.forgot_title')} centered>
        <Stack>
          <Text>{t('lock.forgot_body')}</Text>
          <Button
            color="red"
            size="lg"
            loading={busy}
            onClick={() => void erase()}
            data-testid="field-forgot-confirm"
          >
            {t('lock.forgot_confirm')}
          </Button>
          <Button variant="default" size="lg" disabled={busy} onClick={() => setForgot(false)}>
            {t('pin.cancel')}
          </Button>
        </Stack>
      </Modal>
    </Container>
  );
}
