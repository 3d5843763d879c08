import { Button, Group, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { VocabPicker } from '../../components/VocabPicker';
import { violationsApi, type InformationCreate } from './api';
import { dateError } from './eventForm';
import { PartialDateInput } from './PartialDateInput';
import type { ChosenPerson } from './PersonChooser';
import { useInvalidateEvent } from './queries';
import { RolePersonField } from './RolePersonField';

export interface SourceValues {
  source: ChosenPerson | null;
  connection: string;
  materialType: string;
  reliability: string;
  language: string;
  receivedOn: string;
  remarks: string;
}
export const EMPTY_SOURCE: SourceValues = {
  source: null,
  connection: '',
  materialType: '',
  reliability: '',
  language: '',
  receivedOn: '',
  remarks: '',
};

/** Only what was filled in is sent. */
export function toInformation(v: SourceValues): InformationCreate {
  const text = (s: string) => s.trim() || undefined;
  return {
    sourceId: v.source?.id,
    connection: text(v.connection),
    materialType: text(v.materialType),
    reliability: text(v.reliability),
    language: text(v.language),
    receivedOn: text(v.receivedOn),
    remarks: text(v.remarks),
  };
}

/** The fields of one piece of information: who told us, how they know, how reliable it is. */
export function SourceFields({
  value,
  onChange,
  errors,
  known,
}: {
  value: SourceValues;
  onChange: (v: SourceValues) => void;
  errors: Record<string, string | undefined>;
  known: ChosenPerson[];
}): ReactElement {
  const { t } = useTranslation('violations');
  const set = <K extends keyof SourceValues>(k: K, v: SourceValues[K]) => onChange({ ...value, [k]: v });
  return (
    <Stack gap="sm">
      <RolePersonField
        role="source"
        value={value.source}
        onChange={(p) => set('source', p)}
        known={known}
        error={errors.sourceId}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <VocabPicker
          scheme="esf_source_connection_to_information"
          label={t('fields.connection')}
          value={value.connection || null}
          onChange={(v) => set('connection', v ?? '')}
          error={errors.connection}
        />
        <VocabPicker
          scheme="esf_reliability"
          label={t('fields.reliability')}
          value={value.reliability || null}
          onChange={(v) => set('reliability', v ?? '')}
          error={errors.reliability}
          data-testid="source-reliability"
        />
        <VocabPicker
          scheme="esf_types_of_source_material"
          label={t('fields.materialType')}
          value={value.materialType || null}
          onChange={(v) => set('materialType', v ?? '')}
          error={errors.materialType}
        />
        <VocabPicker
          scheme="local_languages"
          label={t('fields.language')}
          value={value.language || null}
          onChange={(v) => set('language', v ?? '')}
          error={errors.language}
        />
        <PartialDateInput
          name="receivedOn"
          label={t('fields.receivedOn')}
          value={value.receivedOn}
          onChange={(v) => set('receivedOn', v)}
          error={errors.receivedOn}
        />
      </SimpleGrid>
      <Textarea
        label={t('fields.remarks')}
        autosize
        minRows={2}
        value={value.remarks}
        onChange={(e) => set('remarks', e.currentTarget.value)}
        error={errors.remarks}
      />
    </Stack>
  );
}

/** Record where a piece of information came from. */
export function InformationModal({
  eventId,
  known,
  opened,
  onClose,
}: {
  eventId: string;
  known: ChosenPerson[];
  opened: boolean;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('violations');
  const invalidate = useInvalidateEvent(eventId);
  const [v, setV] = useState<SourceValues>(EMPTY_SOURCE);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (x: SourceValues) => violationsApi.addInformation(eventId, toInformation(x)),
    onSuccess: async () => {
      close();
      await invalidate();
    },
    onError: (e) => setErrors(fieldErrors(e)),
  });
  const close = () => {
    setV(EMPTY_SOURCE);
    setErrors({});
    save.reset();
    onClose();
  };
  const submit = () => {
    const bad = dateError(t, v.receivedOn);
    if (bad) setErrors({ receivedOn: bad });
    else save.mutate(v);
  };
  return (
    <AppModal opened={opened} onClose={close} title={t('source.addTitle')} size="lg">
      <Stack>
        <SourceFields value={v} onChange={setV} errors={errors} known={known} />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('ui:common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="source-save">
            {t('ui:common.save')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
