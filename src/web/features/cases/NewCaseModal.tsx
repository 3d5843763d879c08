import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { usePhone } from '../../components/usePhone';
import { casesApi } from './api';
import {
  CaseFormFields,
  caseFormValidate,
  EMPTY_CASE_FORM,
  toCreate,
  type CaseFormValues,
} from './CaseFormFields';
import { casesKeys } from './queries';

/** "New case": nothing is pre-filled; on success the new case opens. */
export function NewCaseModal({ opened, onClose }: { opened: boolean; onClose: () => void }): ReactElement {
  const { t } = useTranslation('cases');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const phone = usePhone();
  const form = useForm<CaseFormValues>({ initialValues: EMPTY_CASE_FORM, validate: caseFormValidate(t) });
  const create = useMutation({
    mutationFn: (v: CaseFormValues) => casesApi.create(toCreate(v)),
    onSuccess: async ({ id }) => {
      form.reset();
      onClose();
      await queryClient.invalidateQueries({ queryKey: casesKeys.all });
      await navigate({ to: '/cases/$id', params: { id } });
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  return (
    <AppModal opened={opened} onClose={onClose} title={t('new.title')} size="lg" fullScreen={phone}>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate data-testid="new-case-form">
        <Stack>
          <CaseFormFields form={form} />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui:common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="new-case-submit">
              {t('new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
