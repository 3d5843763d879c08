import { Alert, Button, Card, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useField } from './context';
import { useLive } from './live';
import { PIN_MIN, hasPin, pinRequired, removePin, setPin } from './pin';
import { outboxExclusive } from './sync';

/**
 * The PIN lock on the home screen (ADR 0031): set one, lock now, or turn it off with the PIN. Setting
 * it re-encrypts what the phone holds, which takes a moment; "Send now" and saving wait meanwhile.
 * When a mission requires the lock and there is none yet, the home screen shows this card first, in
 * orange, and starts no report until it is set; once set it cannot be turned off.
 */
export function PinCard({ missing = false }: { missing?: boolean }): ReactElement {
  const { t } = useTranslation('field');
  const { db, lock } = useField();
  const on = useLive(() => hasPin(db), [db], false);
  const required = useLive(() => pinRequired(db), [db], false);
  const [dialog, setDialog] = useState<'set' | 'remove' | null>(null);
  return (
    <Card
      withBorder
      padding="md"
      data-testid="field-pin-card"
      style={missing ? { borderColor: 'var(--mantine-color-orange-6)', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          {missing ? t('pin.required_title') : t('pin.card_title')}
        </Title>
        <Text size="sm" id="field-pin-card-text" data-testid="field-pin-card-text">
          {missing ? t('pin.required_body') : on ? t('pin.card_on') : t('pin.card_off')}
        </Text>
        {on ? (
          <>
            <Button size="md" onClick={lock} data-testid="field-lock-now">
              {t('pin.lock_now')}
            </Button>
            {required ? (
              <Text size="sm" c="dimmed" data-testid="field-pin-kept">
                {t('pin.required_kept')}
              </Text>
            ) : (
              <Button
                size="md"
                variant="subtle"
                onClick={() => setDialog('remove')}
                data-testid="field-pin-remove"
              >
                {t('pin.remove_button')}
              </Button>
            )}
          </>
        ) : (
          <Button
            size="md"
            variant={missing ? 'filled' : 'light'}
            color={missing ? 'orange' : undefined}
            onClick={() => setDialog('set')}
            data-testid="field-pin-set"
          >
            {t('pin.set_button')}
          </Button>
        )}
      </Stack>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog === 'remove' ? t('pin.remove_title') : t('pin.set_title')}
        centered
      >
        {dialog === 'set' && <SetPin onDone={() => setDialog(null)} />}
        {dialog === 'remove' && <RemovePin onDone={() => setDialog(null)} />}
      </Modal>
    </Card>
  );
}

function SetPin({ onDone }: { onDone: () => void }): ReactElement {
  const { t } = useTranslation('field');
  const { db } = useField();
  const [pin, setPinText] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const short = pin.length < PIN_MIN;
  const differ = again !== pin;
  const save = async () => {
    setTried(true);
    if (short || differ) return;
    setBusy(true);
    setFailed(false);
    try {
      // Nothing is sent while the phone's reports are sealed again under the new key.
      await outboxExclusive(() => setPin(db, pin));
      onDone();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Text size="sm">{t('pin.set_body')}</Text>
      <PasswordInput
        size="md"
        label={t('pin.pin_label')}
        value={pin}
        onChange={(e) => setPinText(e.currentTarget.value)}
        error={tried && short ? t('pin.too_short', { n: PIN_MIN }) : undefined}
        autoComplete="off"
        data-testid="field-pin-new"
      />
      <PasswordInput
        size="md"
        label={t('pin.repeat_label')}
        value={again}
        onChange={(e) => setAgain(e.currentTarget.value)}
        error={tried && !short && differ ? t('pin.mismatch') : undefined}
        autoComplete="off"
        data-testid="field-pin-again"
      />
      {failed && <Alert color="red">{t('pin.set_failed')}</Alert>}
      <Button size="lg" loading={busy} onClick={() => void save()} data-testid="field-pin-save">
        {t('pin.set_confirm')}
      </Button>
      <Button size="lg" variant="default" disabled={busy} onClick={onDone}>
        {t('pin.cancel')}
      </Button>
    </Stack>
  );
}

function RemovePin({ onDone }: { onDone: () => void }): ReactElement {
  const { t } = useTranslation('field');
  const { db, lock } = useField();
  const [pin, setPinText] = useState('');
  const [busy, setBusy] = useState(false);
  const [left, setLeft] = useState<number | null>(null);
  const turnOff = async () => {
    setBusy(true);
    const r = await removePin(db, pin);
    setBusy(false);
    if (r.ok) onDone();
    else if ('left' in r) setLeft(r.left);
    // Out of tries: the lock screen takes over, and erases the phone.
    else lock();
  };
  return (
    <Stack>
      <Text size="sm">{t('pin.remove_body')}</Text>
      <PasswordInput
        size="md"
        label={t('pin.pin_label')}
        value={pin}
        onChange={(e) => setPinText(e.currentTarget.value)}
        error={left !== null ? t('lock.wrong', { count: left }) : undefined}
        autoComplete="off"
        data-testid="field-pin-current"
      />
      <Button
        size="lg"
        color="red"
        loading={busy}
        disabled={!pin}
        onClick={() => void turnOff()}
        data-testid="field-pin-remove-confirm"
      >
        {t('pin.remove_confirm')}
      </Button>
      <Button size="lg" variant="default" disabled={busy} onClick={onDone}>
        {t('pin.cancel')}
      </Button>
    </Stack>
  );
}
