import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldHttp } from './transport';

type Problem = { error?: { message?: string; fields?: { message?: string }[] } };

/**
 * The observer's own phone number, which the coordinators of their missions see to call them on the
 * day. Read from the server when online and never kept on the device: a phone taken at a checkpoint
 * should hold as little as possible. Changing it needs a connection.
 */
export function PhoneCard({ online }: { online: boolean }): ReactElement {
  const { t } = useTranslation('field');
  // undefined: not known (offline or not loaded yet); null: none set.
  const [phone, setPhone] = useState<string | null | undefined>(undefined);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!online) return;
    let live = true;
    void fieldHttp.get('/api/me').then((r) => {
      if (live && r.status === 200) setPhone((r.body as { phone: string | null }).phone);
    });
    return () => {
      live = false;
    };
  }, [online]);

  const save = async () => {
    if (draft === null) return;
    setSaving(true);
    const r = await fieldHttp.patch('/api/me', { phone: draft.trim() ? draft.trim() : null });
    setSaving(false);
    if (r.status === 200) {
      setPhone((r.body as { phone: string | null }).phone);
      setDraft(null);
      setError(null);
    } else {
      const p = r.body as Problem | null;
      setError(p?.error?.fields?.[0]?.message ?? p?.error?.message ?? t('phone.failed'));
    }
  };

  return (
    <Card withBorder padding="md" data-testid="field-phone">
      <Stack gap="xs">
        <Text fw={700}>{t('phone.title')}</Text>
        {draft === null ? (
          <>
            <Text size="sm" data-testid="field-phone-value">
              {phone === undefined ? t('phone.offline') : (phone ?? t('phone.none'))}
            </Text>
            <Group>
              <Button
                size="md"
                variant="light"
                disabled={!online || phone === undefined}
                onClick={() => setDraft(phone ?? '')}
                data-testid="field-phone-change"
              >
                {t('phone.change')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <TextInput
              label={t('phone.label')}
              description={t('phone.hint')}
              type="tel"
              // The shape a number is checked against (PhoneNumber), shown before a refusal has to say it.
              placeholder="+996 555 123 456"
              inputMode="tel"
              autoComplete="tel"
              value={draft}
              error={error}
              onChange={(e) => setDraft(e.currentTarget.value)}
              data-testid="field-phone-input"
            />
            <Group grow>
              <Button
                size="md"
                variant="default"
                onClick={() => {
                  setDraft(null);
                  setError(null);
                }}
              >
                {t('phone.cancel')}
              </Button>
              <Button
                size="md"
                loading={saving}
                disabled={!online}
                onClick={() => void save()}
                data-testid="field-phone-save"
              >
                {t('phone.save')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
