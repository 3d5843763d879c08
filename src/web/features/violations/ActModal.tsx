import { Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { usePhone } from '../../components/usePhone';
import { violationsApi, type Act, type Event } from './api';
import { actErrors, emptyAct, formFromAct, toActCreate, toActPatch, type ActFormValues } from './actForm';
import { ActFormFields } from './ActFormFields';
import { knownIn } from './eventPeople';
import { useInvalidateEvent } from './queries';
import { VictimField } from './RolePersonField';

/** Add an act to the event, or edit one (`act` given). */
export function ActModal({
  event,
  act,
  opened,
  onClose,
}: {
  event: Event;
  act?: Act;
  opened: boolean;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('violations');
  const invalidate = useInvalidateEvent(event.id);
  const phone = usePhone();
  const initial = () => (act ? formFromAct(act) : emptyAct());
  const [values, setValues] = useState<ActFormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: async (v: ActFormValues) => {
      if (act) return violationsApi.updateAct(act.id, toActPatch(v));
      await violationsApi.addAct(event.id, toActCreate(v));
      return undefined;
    },
    onSuccess: async (fresh) => {
      close();
      await invalidate(fresh);
    },
    onError: (e) => setErrors(fieldErrors(e)),
  });
  const close = () => {
    setValues(initial());
    setErrors({});
    save.reset();
    onClose();
  };
  const submit = () => {
    const found = actErrors(t, values);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(values);
  };
  return (
    <AppModal
      opened={opened}
      onClose={close}
      title={act ? t('act.editTitle') : t('act.addTitle')}
      size="xl"
      fullScreen={phone}
    >
      <Stack>
        <VictimField
          value={values.victim}
          onChange={(victim) => setValues({ ...values, victim })}
          known={knownIn(event, 'victim')}
          error={errors.victimId}
        />
        {/* The person search above has its own form; this one holds the act's fields. */}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          noValidate
          data-testid="act-form"
        >
          <Stack>
            <ActFormFields value={values} onChange={setValues} errors={errors} />
            <ErrorAlert error={save.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('ui:common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="act-save">
                {t('ui:common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </AppModal>
  );
}
