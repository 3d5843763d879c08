import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { VocabPicker } from '../../components/VocabPicker';
import { useAddTerm, type TermCreate } from './api';

interface Values {
  parent: string | null;
  code: string;
  ky: string;
  ru: string;
  en: string;
  ref: string;
}

/**
 * A local term. In Ukuk's own lists (`local_*`, the Constitution) it may stand at the top; elsewhere
 * (HURIDOCS lists) it goes under an existing term, so the shared codes keep their meaning.
 */
export function AddTermModal({
  scheme,
  topLevel,
  onClose,
}: {
  scheme: string;
  topLevel: boolean;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('vocab');
  const { t: tf } = useTranslation('fields');
  const add = useAddTerm(scheme);
  const form = useForm<Values>({
    initialValues: { parent: null, code: '', ky: '', ru: '', en: '', ref: '' },
  });
  const submit = (v: Values) => {
    const labels: TermCreate['labels'] = {};
    for (const l of ['ky', 'ru', 'en'] as const) if (v[l].trim()) labels[l] = v[l].trim();
    if (Object.keys(labels).length === 0) {
      form.setErrors({ ky: t('oneLabel') });
      return;
    }
    const body: TermCreate = { labels, parent: v.parent };
    if (v.code.trim()) body.code = v.code.trim();
    if (v.ref.trim()) body.ref = v.ref.trim();
    add.mutate(body, {
      onSuccess: onClose,
      onError: (err) => {
        const e = fieldErrors(err);
        form.setErrors({
          parent: e.parent,
          code: e.code,
          ky: e['labels.ky'] ?? e.labels,
          ru: e['labels.ru'],
          en: e['labels.en'],
          ref: e.ref,
        });
      },
    });
  };
  return (
    <AppModal opened onClose={onClose} title={t('addTitle')} size="lg">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          {!topLevel && (
            <Text size="sm" c="dimmed">
              {t('parentHint')}
            </Text>
          )}
          <VocabPicker
            scheme={scheme}
            label={t('parent')}
            required={!topLevel}
            value={form.values.parent}
            onChange={(code) => form.setFieldValue('parent', code)}
            error={form.errors.parent}
            data-testid="vocab-add-parent"
          />
          <TextInput label={tf('ky')} {...form.getInputProps('ky')} data-testid="vocab-add-ky" />
          <TextInput label={tf('ru')} {...form.getInputProps('ru')} />
          <TextInput label={tf('en')} {...form.getInputProps('en')} />
          <TextInput label={t('ref')} maxLength={40} {...form.getInputProps('ref')} />
          <TextInput label={t('code')} description={t('codeHint')} {...form.getInputProps('code')} />
          {add.isError && Object.keys(fieldErrors(add.error)).length === 0 && (
            <ErrorAlert error={add.error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="vocab-add-save">
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
