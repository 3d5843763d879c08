import { Button, Group, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { VocabPicker } from '../../components/VocabPicker';
import { violationsApi } from './api';
import { dateError } from './eventForm';
import { PartialDateInput } from './PartialDateInput';
import type { ChosenPerson } from './PersonChooser';
import { useInvalidateEvent } from './queries';
import { RolePersonField } from './RolePersonField';

interface Values {
  party: ChosenPerson | null;
  victimId: string;
  type: string;
  intervenedOn: string;
  response: string;
  impact: string;
  status: string;
  remarks: string;
}
const EMPTY: Values = {
  party: null,
  victimId: '',
  type: '',
  intervenedOn: '',
  response: '',
  impact: '',
  status: '',
  remarks: '',
};

/** Record who intervened (a lawyer, an ombudsman, the NGO itself), on whose behalf, and with what result. */
export function InterventionModal({
  eventId,
  victims,
  known,
  opened,
  onClose,
}: {
  eventId: string;
  victims: ChosenPerson[];
  known: ChosenPerson[];
  opened: boolean;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('violations');
  const invalidate = useInvalidateEvent(eventId);
  const [v, setV] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const text = (s: string) => s.trim() || undefined;
  const save = useMutation({
    mutationFn: (x: Values) =>
      violationsApi.addIntervention(eventId, {
        partyId: x.party?.id,
        victimId: text(x.victimId),
        type: text(x.type),
        intervenedOn: text(x.intervenedOn),
        response: text(x.response),
        impact: text(x.impact),
        status: text(x.status),
        remarks: text(x.remarks),
      }),
    onSuccess: async () => {
      close();
      await invalidate();
    },
    onError: (e) => setErrors(fieldErrors(e)),
  });
  const close = () => {
    setV(EMPTY);
    setErrors({});
    save.reset();
    onClose();
  };
  const set = <K extends keyof Values>(k: K, x: Values[K]) => setV({ ...v, [k]: x });
  const picker = (k: 'type' | 'response' | 'impact' | 'status', scheme: string) => (
    <VocabPicker
      scheme={scheme}
      label={t(`intervention.${k}`)}
      value={v[k] || null}
      onChange={(x) => set(k, x ?? '')}
      error={errors[k]}
    />
  );
  return (
    <AppModal opened={opened} onClose={close} title={t('intervention.addTitle')} size="lg">
      <Stack>
        <RolePersonField
          role="party"
          value={v.party}
          onChange={(p) => set('party', p)}
          known={known}
          error={errors.partyId}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('intervention.victim')}
            placeholder={t('form.choose')}
            data={victims.map((p) => ({ value: p.id, label: p.name }))}
            value={v.victimId || null}
            onChange={(x) => set('victimId', x ?? '')}
            clearable
            comboboxProps={{ withinPortal: true }}
            error={errors.victimId}
          />
          <PartialDateInput
            name="intervenedOn"
            label={t('intervention.date')}
            value={v.intervenedOn}
            onChange={(x) => set('intervenedOn', x)}
            error={errors.intervenedOn}
          />
          {picker('type', 'esf_types_of_intervention')}
          {picker('response', 'esf_types_of_responses')}
          {picker('impact', 'esf_impact_on_the_situation')}
          {picker('status', 'esf_intervention_status')}
        </SimpleGrid>
        <Textarea
          label={t('fields.remarks')}
          autosize
          minRows={2}
          value={v.remarks}
          onChange={(e) => set('remarks', e.currentTarget.value)}
          error={errors.remarks}
        />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('ui:common.cancel')}
          </Button>
          <Button
            onClick={() => {
              const bad = dateError(t, v.intervenedOn);
              if (bad) setErrors({ intervenedOn: bad });
              else save.mutate(v);
            }}
            loading={save.isPending}
            data-testid="intervention-save"
          >
            {t('ui:common.save')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
