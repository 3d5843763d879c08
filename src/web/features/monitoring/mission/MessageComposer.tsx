import { Button, Card, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { regionChoicesIn } from '../../../../core/geo/regions';
import { ApiError } from '../../../api/client';
import { fieldErrors } from '../../../components/errors';
import { useRequired } from '../../../components/useRequired';
import { useFormat } from '../../../intl/format';
import { MESSAGE_MAX, messagesApi, type Mission } from '../api';
import { useRegionName } from '../labels';
import { useLocale } from '../l10n';
import { MonErrorAlert } from '../MonErrorAlert';
import { monitoringKeys, useInvalidate } from '../queries';

const EVERYONE = '*';

/**
 * Writes a message to the mission's observers. Whoever runs the whole mission may address everybody or
 * one region; a region coordinator only the regions they coordinate (the server refuses the rest).
 */
export function MessageComposer({ mission }: { mission: Mission }): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const regionName = useRegionName();
  const fmt = useFormat();
  const invalidate = useInvalidate();
  const form = useRef<HTMLDivElement>(null);
  const whole = mission.scope === 'all';
  const regions = whole
    ? [
        { value: EVERYONE, label: t('messages.everyone') },
        ...regionChoicesIn(lng).map((c) => ({ ...c, label: t('messages.toRegion', { region: c.label }) })),
      ]
    : // "To: Chüy region" read as writing to the authorities: the option says it is that region's observers.
      mission.regions.map((r) => ({ value: r, label: t('messages.toRegion', { region: regionName(r) }) }));
  const [to, setTo] = useState<string>(regions[0]?.value ?? EVERYONE);
  const [text, setText] = useState('');
  const [sent, setSent] = useState<{ recipients: number } | null>(null);
  const required = useRequired({ text });
  const send = useMutation({
    mutationFn: () =>
      messagesApi.send(mission.id, { text: text.trim(), region: to === EVERYONE ? null : to }),
    onSuccess: async (r) => {
      setText('');
      setSent(r);
      required.reset();
      await invalidate(monitoringKeys.messages(mission.id));
    },
  });
  const fields = fieldErrors(send.error);
  // A refusal naming an input shows there; anything else above the button.
  const general = send.error instanceof ApiError && send.error.fields.length > 0 ? null : send.error;
  return (
    <Card withBorder padding="md" ref={form}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('messages.title')}
        </Title>
        <Select
          label={t('messages.to')}
          data={regions}
          value={to}
          onChange={(v) => v && setTo(v)}
          allowDeselect={false}
          error={fields.region}
          data-testid="message-to"
          maw={360}
        />
        <Textarea
          label={t('messages.text')}
          description={t('messages.hint')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setSent(null);
            send.reset();
          }}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={MESSAGE_MAX}
          error={required.error('text') ?? fields.text}
          withAsterisk
          data-testid="message-text"
        />
        <Text size="xs" c="dimmed" ta="right" mt={-6} aria-hidden>
          {fmt.number(text.length)} / {fmt.number(MESSAGE_MAX)}
        </Text>
        <MonErrorAlert error={general} />
        {sent && (
          <Text
            c={sent.recipients > 0 ? 'green.8' : 'orange.8'}
            size="sm"
            role="status"
            data-testid="message-sent"
          >
            {sent.recipients > 0 ? t('messages.sent') : t('messages.sentToNobody')}
          </Text>
        )}
        <Button
          loading={send.isPending}
          onClick={() => required.check(form.current) && send.mutate()}
          data-testid="message-send"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('messages.send')}
        </Button>
      </Stack>
    </Card>
  );
}
