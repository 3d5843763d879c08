import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { casesApi, type Case, type VocabTerm } from './api';
import { useInvalidateCase, useVocabLabels } from './queries';
import { DayInput } from '../../components/DayInput';

/** Closing codes grouped under their parent (defence / victim / general); only leaves can be chosen. */
function groupedCodes(terms: VocabTerm[], label: (code: string) => string) {
  const parents = terms.filter((term) => term.parent === null);
  return parents
    .map((p) => ({
      group: label(p.code),
      items: terms
        .filter((term) => term.parent === p.code && term.active)
        .map((term) => ({ value: term.code, label: label(term.code) })),
    }))
    .filter((g) => g.items.length > 0);
}

/** Close the case with a closing code and a required outcome summary. */
export function CloseCaseModal({
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
  const closing = useVocabLabels('closing_code');
  const required = (v: string) => (v.trim() ? null : t('ui:common.validation.required'));
  const form = useForm({
    initialValues: { closingCode: '', outcomeSummary: '', closedOn: '' },
    validate: { closingCode: required, outcomeSummary: required },
  });
  const close = useMutation({
    mutationFn: (v: typeof form.values) =>
      casesApi.close(c.id, {
        closingCode: v.closingCode,
        outcomeSummary: v.outcomeSummary.trim(),
        ...(v.closedOn ? { closedOn: v.closedOn } : {}),
      }),
    onSuccess: async (fresh) => {
      onClose();
      form.reset();
      await invalidate(fresh);
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  return (
    <AppModal opened={opened} onClose={onClose} title={t('close.title')}>
      <form onSubmit={form.onSubmit((v) => close.mutate(v))} noValidate data-testid="close-case-form">
        <Stack>
          <Select
            name="closingCode"
            label={t('fields.closingCode')}
            placeholder={t('form.choose')}
            required
            data={groupedCodes(closing.terms, closing.label)}
            searchable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('closingCode')}
            value={form.values.closingCode || null}
            onChange={(v: string | null) => form.setFieldValue('closingCode', v ?? '')}
          />
          <Textarea
            name="outcomeSummary"
            label={t('fields.outcome')}
            description={t('close.outcomeHint')}
            required
            autosize
            minRows={3}
            {...form.getInputProps('outcomeSummary')}
          />
          <DayInput
            name="closedOn"
            label={t('fields.closedOn')}
            description={t('close.dateHint')}
            {...form.getInputProps('closedOn')}
          />
          <ErrorAlert error={close.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui:common.cancel')}
            </Button>
            <Button type="submit" color="red.8" loading={close.isPending} data-testid="close-case-submit">
              {t('close.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Reopen a closed case; the reason goes into the timeline. */
export function ReopenCaseModal({
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
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (v: string) => (v.trim() ? null : t('ui:common.validation.required')) },
  });
  const reopen = useMutation({
    mutationFn: (v: { reason: string }) => casesApi.reopen(c.id, v.reason.trim()),
    onSuccess: async (fresh) => {
      onClose();
      form.reset();
      await invalidate(fresh);
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  return (
    <AppModal opened={opened} onClose={onClose} title={t('reopen.title')}>
      <form onSubmit={form.onSubmit((v) => reopen.mutate(v))} noValidate data-testid="reopen-case-form">
        <Stack>
          <Textarea
            name="reason"
            label={t('reopen.reason')}
            required
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <ErrorAlert error={reopen.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui:common.cancel')}
            </Button>
            <Button type="submit" loading={reopen.isPending} data-testid="reopen-case-submit">
              {t('reopen.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
