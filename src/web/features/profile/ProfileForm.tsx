import { Button, Card, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { LOCALES, asLocale, storeLocale, applyLocale, type Locale } from '../../i18n';
import { authApi, type Me } from '../auth/api';
import { authKeys } from '../auth/queries';

/** Name, preferred language and phone number (for the coordinators of missions one observes in). */
export function ProfileForm({ me }: { me: Me }): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: me.name, locale: me.locale, phone: me.phone ?? '' },
    validate: { name: (v) => (v.trim() ? null : t('common.validation.required')) },
  });
  // The language can also change from the header while this page is open: show it, and never send
  // back a language this form only remembers from when it opened.
  useEffect(() => {
    if (form.isDirty('locale')) return;
    // The baseline first, so the field does not count as changed (other fields keep theirs).
    form.setInitialValues({ ...form.getInitialValues(), locale: me.locale });
    form.setFieldValue('locale', me.locale);
  }, [me.locale]);
  const save = useMutation({
    // Only what was changed here is sent.
    mutationFn: (patch: { name?: string; locale?: Locale; phone?: string | null }) => authApi.updateMe(patch),
    onSuccess: async (updated) => {
      queryClient.setQueryData(authKeys.me, updated);
      storeLocale(updated.locale);
      await applyLocale(updated.locale);
      const values = { name: updated.name, locale: updated.locale, phone: updated.phone ?? '' };
      form.setValues(values);
      form.resetDirty(values);
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  return (
    <Card withBorder radius="md" padding="lg">
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate({
            ...(form.isDirty('name') ? { name: v.name.trim() } : {}),
            ...(form.isDirty('locale') ? { locale: asLocale(v.locale) ?? me.locale } : {}),
            ...(form.isDirty('phone') ? { phone: v.phone.trim() || null } : {}),
          }),
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
          <TextInput
            type="tel"
            label={t('profile.details.phone')}
            description={t('profile.details.phoneHint')}
            autoComplete="tel"
            inputMode="tel"
            data-testid="profile-phone"
            {...form.getInputProps('phone')}
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
