import { Button, Card, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { LOCALES, asLocale, storeLocale, applyLocale, type Locale } from '../../i18n';
import { authApi, type Me } from '../auth/api';
import { authKeys } from '../auth/queries';

/** Name and preferred language. */
export function ProfileForm({ me }: { me: Me }): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: me.name, locale: me.locale },
    validate: { name: (v) => (v.trim() ? null : t('common.validation.required')) },
  });
  const save = useMutation({
    mutationFn: (v: { name: string; locale: Locale }) =>
      authApi.updateMe({ name: v.name.trim(), locale: v.locale }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(authKeys.me, updated);
      storeLocale(updated.locale);
      await applyLocale(updated.locale);
      form.resetDirty({ name: updated.name, locale: updated.locale });
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  return (
    <Card withBorder radius="md" padding="lg">
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate({ name: v.name, locale: asLocale(v.locale) ?? me.locale }),
        )}
        noValidate
      >
        <Stack>
          <Title order={2} size="h4">
            {t('profile.details.title')}
          </Title>
          <TextInput label={t('profile.details.email')} value={me.email} readOnly variant="filled" />
          <TextInput
            label={t('profile.details.name')}
            autoComplete="name"
            required
            {...form.getInputProps('name')}
          />
          <Select
            label={t('profile.details.language')}
            data={LOCALES.map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            {save.isSuccess && !form.isDirty() && <span role="status">{t('common.saved')}</span>}
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
