import { Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { usePhone } from '../../components/usePhone';
import { violationsApi, type Event } from './api';
import { EventFormFields } from './EventFormFields';
import { eventErrors, formFromEvent, toEventPatch, type EventFormValues } from './eventForm';
import { useInvalidateEvent } from './queries';

/**
 * Edit the event's fields (members with edit rights; the server checks again). The order of the dates
 * is left to the server, whose translated message lands on the end date.
 */
export function EditEventModal({
  event,
  opened,
  onClose,
}: {
  event: Event;
  opened: boolean;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('violations');
  const invalidate = useInvalidateEvent(event.id);
  const phone = usePhone();
  const canRestrict = event.myRole === 'lead';
  const [values, setValues] = useState<EventFormValues>(() => formFromEvent(event));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (v: EventFormValues) => violationsApi.update(event.id, toEventPatch(v, canRestrict)),
    onSuccess: async (fresh) => {
      onClose();
      await invalidate(fresh);
    },
    onError: (e) => setErrors(fieldErrors(e)),
  });
  const cancel = () => {
    setValues(formFromEvent(event));
    setErrors({});
    save.reset();
    onClose();
  };
  const submit = () => {
    const found = eventErrors(t, values, false);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(values);
  };
  return (
    <AppModal opened={opened} onClose={cancel} title={t('edit.title')} size="lg" fullScreen={phone}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
        data-testid="edit-event-form"
      >
        <Stack>
          <EventFormFields value={values} onChange={setValues} errors={errors} canRestrict={canRestrict} />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              {t('ui:common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="edit-event-save">
              {t('ui:common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
