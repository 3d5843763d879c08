import { Button, Group, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { VocabPicker } from '../../components/VocabPicker';
import { violationsApi, type Act } from './api';
import { PerpetratorField } from './RolePersonField';
import type { ChosenPerson } from './PersonChooser';
import { useInvalidateEvent } from './queries';

interface Values {
  perpetrator: ChosenPerson | null;
  degree: string;
  perpetratorType: string;
  status: string;
  remarks: string;
}
const EMPTY: Values = { perpetrator: null, degree: '', perpetratorType: '', status: '', remarks: '' };

/** Who did it: one perpetrator per involvement, with their degree of involvement and type. */
export function InvolvementModal({
  eventId,
  act,
  known,
  opened,
  onClose,
}: {
  eventId: string;
  act: Act;
  known: ChosenPerson[];
  opened: boolean;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('violations');
  const invalidate = useInvalidateEvent(eventId);
  const [v, setV] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (x: Values) =>
      violationsApi.addInvolvement(act.id, {
        perpetratorId: x.perpetrator?.id ?? '',
        degree: x.degree || undefined,
        perpetratorType: x.perpetratorType || undefined,
        status: x.status || undefined,
        remarks: x.remarks.trim() || undefined,
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
  return (
    <AppModal opened={opened} onClose={close} title={t('involvement.addTitle')} size="lg">
      <Stack>
        <PerpetratorField
          value={v.perpetrator}
          onChange={(perpetrator) => setV({ ...v, perpetrator })}
          known={known}
          chosen={act.involvements.map((i) => i.perpetrator.id)}
          error={errors.perpetratorId}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <VocabPicker
            scheme="esf_types_of_perpetrators"
            label={t('fields.perpetratorType')}
            value={v.perpetratorType || null}
            onChange={(x) => setV({ ...v, perpetratorType: x ?? '' })}
            error={errors.perpetratorType}
          />
          <VocabPicker
            scheme="esf_degrees_of_involvement"
            label={t('fields.degree')}
            value={v.degree || null}
            onChange={(x) => setV({ ...v, degree: x ?? '' })}
            error={errors.degree}
          />
          <VocabPicker
            scheme="esf_status_as_perpetrator"
            label={t('fields.perpetratorStatus')}
            value={v.status || null}
            onChange={(x) => setV({ ...v, status: x ?? '' })}
            error={errors.status}
          />
        </SimpleGrid>
        <Textarea
          label={t('fields.remarks')}
          autosize
          minRows={2}
          value={v.remarks}
          onChange={(e) => setV({ ...v, remarks: e.currentTarget.value })}
          error={errors.remarks}
        />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('ui:common.cancel')}
          </Button>
          <Button
            onClick={() => {
              if (!v.perpetrator) setErrors({ perpetratorId: t('involvement.perpetratorRequired') });
              else save.mutate(v);
            }}
            loading={save.isPending}
            data-testid="involvement-save"
          >
            {t('ui:common.save')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
