import { Button, Group, Select, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { VocabPicker } from '../../components/VocabPicker';
import { violationsApi } from './api';
import { useEventList, useInvalidateEvent } from './queries';

/** Link this event to another one ("led to", "followed by"...), found by number or words of its title. */
export function ChainModal({
  eventId,
  opened,
  onClose,
}: {
  eventId: string;
  opened: boolean;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('violations');
  const invalidate = useInvalidateEvent(eventId);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 350);
  const [target, setTarget] = useState<string | null>(null);
  const [type, setType] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const found = useEventList({ q: debounced || undefined }, opened);
  const options = (found.data?.items ?? [])
    .filter((e) => e.id !== eventId)
    .map((e) => ({ value: e.id, label: `${e.number} · ${e.title}` }));
  const save = useMutation({
    mutationFn: () => violationsApi.addChain(eventId, { toEventId: target ?? '', type }),
    onSuccess: async () => {
      close();
      await invalidate();
    },
    onError: (e) => setErrors(fieldErrors(e)),
  });
  const close = () => {
    setQ('');
    setTarget(null);
    setType('');
    setErrors({});
    save.reset();
    onClose();
  };
  const submit = () => {
    const bad: Record<string, string> = {};
    if (!target) bad.toEventId = t('form.required');
    if (!type) bad.type = t('form.required');
    setErrors(bad);
    if (Object.keys(bad).length === 0) save.mutate();
  };
  return (
    <AppModal opened={opened} onClose={close} title={t('chain.addTitle')} size="lg">
      <Stack>
        <Select
          label={t('chain.event')}
          description={t('chain.eventHint')}
          placeholder={t('form.choose')}
          searchable
          searchValue={q}
          onSearchChange={setQ}
          filter={({ options: o }) => o}
          data={options}
          value={target}
          onChange={setTarget}
          nothingFoundMessage={t('form.nothingFound')}
          comboboxProps={{ withinPortal: true }}
          error={errors.toEventId}
          data-testid="chain-event"
        />
        <VocabPicker
          scheme="esf_types_of_chain_of_events"
          label={t('chain.type')}
          value={type || null}
          onChange={(v) => setType(v ?? '')}
          error={errors.type}
          required
        />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('ui:common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="chain-save">
            {t('ui:common.save')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
