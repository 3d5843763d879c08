import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { AppModal } from '../../components/AppModal';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { asLocale, LOCALES } from '../../i18n';
import { ROLES, usersApi, type InviteInput, type Role } from './api';
import { useInvalidateUsers } from './queries';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Invite form: on success the parent shows the invite link. Inviting an administrator while another
 * active administrator exists invites the person as a viewer until a second administrator approves.
 */
export function InviteUserModal({
  opened,
  fourEyes,
  onClose,
  onInvited,
}: {
  opened: boolean;
  /** Another active administrator exists, so granting admin needs their approval. */
  fourEyes: boolean;
  onClose: () => void;
  onInvited: (path: string, awaitingApproval: boolean) => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const invalidate = useInvalidateUsers();
  const form = useForm<{ email: string; name: string; role: string; locale: string }>({
    initialValues: { email: '', name: '', role: 'viewer', locale: asLocale(i18n.language) ?? 'ky' },
    validate: {
      email: (v) => (EMAIL.test(v.trim()) ? null : t('common.validation.email')),
      name: (v) => (v.trim() ? null : t('common.validation.required')),
    },
  });
  const invite = useMutation({
    mutationFn: (v: InviteInput) => usersApi.invite(v),
    onSuccess: async (res) => {
      form.reset();
      onInvited(res.inviteUrl, res.pendingApprovalId !== null);
      await invalidate();
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  const submit = form.onSubmit((v) =>
    invite.mutate({
      email: v.email.trim(),
      name: v.name.trim(),
      role: v.role as Role,
      locale: asLocale(v.locale) ?? 'ky',
    }),
  );
  return (
    <AppModal opened={opened} onClose={onClose} title={t('users.invite.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            name="inviteEmail"
            label={t('auth.fields.email')}
            type="email"
            required
            data-autofocus
            {...form.getInputProps('email')}
          />
          <TextInput
            name="inviteName"
            label={t('users.fields.name')}
            required
            {...form.getInputProps('name')}
          />
          <Select
            name="inviteRole"
            label={t('users.fields.role')}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            allowDeselect={false}
            data-testid="invite-role"
            {...form.getInputProps('role')}
          />
          {form.values.role === 'admin' && fourEyes && (
            <Alert variant="light" color="ukuk" data-testid="four-eyes-hint">
              {t('users.approvals.inviteNeedsSecond')}
            </Alert>
          )}
          <Select
            label={t('users.fields.language')}
            data={LOCALES.map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          <ErrorAlert error={invite.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending}>
              {t('users.invite.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
