import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { PageLoader } from '../../components/PageLoader';
import { NewPasswordField } from '../../components/NewPasswordField';
import { MIN_PASSWORD_LENGTH } from '../../components/passwordStrength';
import { PublicLayout } from '../../shell/PublicLayout';
import { authApi, type Invite } from './api';
import { useGoToNextStep } from './finish';
import { authKeys } from './queries';

function AcceptForm({ token, invite }: { token: string; invite: Invite }): ReactElement {
  const { t } = useTranslation();
  const goNext = useGoToNextStep();
  const form = useForm({
    initialValues: { name: invite.name, password: '' },
    validate: {
      name: (v) => (v.trim() ? null : t('common.validation.required')),
      password: (v) =>
        [...v].length >= MIN_PASSWORD_LENGTH ? null : t('password.tooShort', { count: MIN_PASSWORD_LENGTH }),
    },
  });
  const accept = useMutation({
    mutationFn: (v: { name: string; password: string }) =>
      authApi.acceptInvite(token, v.name.trim(), v.password),
    onSuccess: (res) => goNext(res),
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => accept.mutate(v))} noValidate>
      <Stack>
        <TextInput label={t('auth.fields.email')} value={invite.email} readOnly variant="filled" />
        <TextInput
          name="name"
          label={t('invite.name')}
          autoComplete="name"
          required
          {...form.getInputProps('name')}
        />
        <NewPasswordField
          name="password"
          strengthId="invite-strength"
          inputProps={form.getInputProps('password')}
          autoFocus
        />
        <ErrorAlert error={accept.error} />
        <Button type="submit" loading={accept.isPending} size="md" fullWidth>
          {t('invite.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/** `/invite/:token`: the invited person picks their name and password, then enrols 2FA. */
export function InvitePage(): ReactElement {
  const { t } = useTranslation();
  const { token } = useParams({ strict: false });
  const invite = useQuery({
    queryKey: authKeys.invite(token ?? ''),
    queryFn: () => authApi.invite(token ?? ''),
    retry: false,
    enabled: Boolean(token),
  });
  return (
    <PublicLayout title={t('invite.title')} description={t('invite.description')}>
      {invite.isPending && <PageLoader />}
      {invite.isError && (
        <Stack>
          <ErrorAlert error={invite.error} title={t('invite.invalidTitle')} />
          <Anchor component={Link} to="/login">
            {t('invite.toLogin')}
          </Anchor>
        </Stack>
      )}
      {invite.data && token && <AcceptForm token={token} invite={invite.data} />}
    </PublicLayout>
  );
}
