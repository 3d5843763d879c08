import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { usePhone } from '../../components/usePhone';
import { casesApi, type Case } from './api';
import {
  CaseFormFields,
  caseFormValidate,
  formFromCase,
  toPatch,
  type CaseFormValues,
} from './CaseFormFields';
import { useInvalidateCase } from './queries';

/** Edit the case's fields (the team only; the server checks again). */
export function EditCaseModal({
  c,
  opened,
  onClose,
}: {
  c: Case;
  opened: boolean;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('cases');
  const invalidate = useInvalidateCase(c.id);
  const phone = usePhone();
  const form = useForm<CaseFormValues>({ initialValues: formFromCase(c), validate: caseFormValidate(t) });
  const save = useMutation({
    mutationFn: (v: CaseFormValues) => casesApi.update(c.id, toPatch(v)),
    onSuccess: async (fresh) => {
      onClose();
      await invalidate(fresh);
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  const cancel = () => {
    form.setValues(formFromCase(c));
    save.reset();
    onClose();
  };
  return (
    <AppModal opened={opened} onClose={cancel} title={t('edit.title')} size="lg" fullScreen={phone}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="edit-case-form">
        <Stack>
          <CaseFormFields form={form} />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              {t('ui:common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('ui:common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
