import { Alert, Button, Card, Group, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { NewPasswordField } from '../../components/NewPasswordField';
import { MIN_PASSWORD_LENGTH } from '../../components/passwordStrength';
import { profileApi } from './api';
import { profileKeys } from './queries';

/** Change password: current one, new one with strength hint, and a repeat. */
export function PasswordCard(): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('common.validation.required')),
      newPassword: (v) =>
        [...v].length >= MIN_PASSWORD_LENGTH ? null : t('password.tooShort', { count: MIN_PASSWORD_LENGTH }),
      repeat: (v, all) => (v === all.newPassword ? null : t('password.mismatch')),
    },
  });
  const change = useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) =>
      profileApi.changePassword(v.currentPassword, v.newPassword),
    onSuccess: async () => {
      form.reset();
      // The server ended every other session: the list below must show that.
      await queryClient.invalidateQueries({ queryKey: profileKeys.allSessions });
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  return (
    <Card withBorder radius="md" padding="lg">
      <form onSubmit={form.onSubmit((v) => change.mutate(v))} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {t('profile.password.title')}
          </Title>
          <PasswordInput
            name="currentPassword"
            label={t('profile.password.current')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <NewPasswordField
            name="newPassword"
            strengthId="profile-strength"
            inputProps={form.getInputProps('newPassword')}
          />
          <PasswordInput
            name="repeatPassword"
            label={t('profile.password.repeat')}
            autoComplete="new-password"
            required
            {...form.getInputProps('repeat')}
          />
          <ErrorAlert error={change.error} />
          {change.isSuccess && (
            <Alert color="green" variant="light" role="status">
              {t('profile.password.changed')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('profile.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
