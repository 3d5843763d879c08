import { Alert, Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import type { TermView } from '../../components/vocab/useVocabulary';
import { usePatchTerm, type TermPatch } from './api';

interface Values {
  ky: string;
  ru: string;
  en: string;
  kyReviewed: boolean;
  ruReviewed: boolean;
  ref: string;
}

/**
 * Edit one term's labels and reference. A label is sent when it changed or when the administrator
 * ticks "reviewed" for it: the server then marks that language reviewed (a draft approved as is).
 */
export function TermEditModal({
  scheme,
  view,
  onClose,
}: {
  scheme: string;
  view: TermView;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('vocab');
  const { t: tf } = useTranslation('fields');
  const { term } = view;
  const patch = usePatchTerm(scheme);
  const form = useForm<Values>({
    initialValues: {
      ky: term.labels.ky,
      ru: term.labels.ru,
      en: term.labels.en,
      kyReviewed: term.kyStatus === 'reviewed',
      ruReviewed: term.ruStatus === 'reviewed',
      ref: term.ref ?? '',
    },
  });
  const submit = (v: Values) => {
    const labels: NonNullable<TermPatch['labels']> = {};
    if (v.ky !== term.labels.ky || (v.kyReviewed && term.kyStatus !== 'reviewed')) labels.ky = v.ky;
    if (v.ru !== term.labels.ru || (v.ruReviewed && term.ruStatus !== 'reviewed')) labels.ru = v.ru;
    if (v.en !== term.labels.en) labels.en = v.en;
    const body: TermPatch = {};
    if (Object.keys(labels).length > 0) body.labels = labels;
    if (v.ref.trim() !== (term.ref ?? '')) body.ref = v.ref.trim() === '' ? null : v.ref.trim();
    if (Object.keys(body).length === 0) return onClose();
    patch.mutate(
      { code: term.code, body },
      {
        onSuccess: onClose,
        onError: (err) => {
          const errs = fieldErrors(err);
          form.setErrors({
            ky: errs['labels.ky'],
            ru: errs['labels.ru'],
            en: errs['labels.en'],
            ref: errs.ref,
          });
        },
      },
    );
  };
  const lang = (l: 'ky' | 'ru') => t(`langName.${l}`);
  return (
    <AppModal opened onClose={onClose} title={t('editTitle', { code: term.code })} size="lg">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          {!term.active && (
            <Alert color="gray" variant="light">
              {t('retiredNote')}
            </Alert>
          )}
          <TextInput label={tf('ky')} {...form.getInputProps('ky')} data-testid="vocab-edit-ky" />
          <Checkbox
            label={t('markReviewed', { lang: lang('ky') })}
            disabled={term.kyStatus === 'reviewed'}
            {...form.getInputProps('kyReviewed', { type: 'checkbox' })}
            data-testid="vocab-edit-ky-reviewed"
          />
          <TextInput label={tf('ru')} {...form.getInputProps('ru')} />
          <Checkbox
            label={t('markReviewed', { lang: lang('ru') })}
            disabled={term.ruStatus === 'reviewed'}
            {...form.getInputProps('ruReviewed', { type: 'checkbox' })}
          />
          <TextInput label={tf('en')} {...form.getInputProps('en')} />
          <TextInput
            label={t('ref')}
            description={scheme === 'kg_constitution' ? t('refHint') : undefined}
            maxLength={40}
            {...form.getInputProps('ref')}
            data-testid="vocab-edit-ref"
          />
          {patch.isError && Object.keys(fieldErrors(patch.error)).length === 0 && (
            <ErrorAlert error={patch.error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={patch.isPending} data-testid="vocab-edit-save">
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
