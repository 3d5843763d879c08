import { Badge, Button, Card, CloseButton, Group, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { casesApi, type Case, type MemberRole } from './api';
import { MEMBER_ROLES } from './codes';
import { useAssignableUsers, useInvalidateCase } from './queries';

type Member = Case['team'][number];

function AddMemberForm({ c }: { c: Case }): ReactElement {
  const { t } = useTranslation('cases');
  const invalidate = useInvalidateCase(c.id);
  const users = useAssignableUsers();
  const onTeam = new Set(c.team.map((m) => m.userId));
  const required = (v: string) => (v ? null : t('ui:common.validation.required'));
  const form = useForm({
    initialValues: { userId: '', role: '' },
    validate: { userId: required, role: required },
  });
  const add = useMutation({
    mutationFn: (v: { userId: string; role: string }) =>
      casesApi.addMember(c.id, { userId: v.userId, role: v.role as MemberRole }),
    onSuccess: async (fresh) => {
      form.reset();
      await invalidate(fresh);
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate aria-label={t('team.add')}>
      <Group align="flex-start" gap="xs" wrap="wrap">
        <Select
          label={t('team.user')}
          placeholder={t('form.choose')}
          data={(users.data?.items ?? [])
            .filter((u) => !onTeam.has(u.id))
            .map((u) => ({
              value: u.id,
              label: `${u.name} (${t(`ui:roles.${u.role}`, { defaultValue: u.role })})`,
            }))}
          searchable
          nothingFoundMessage={t('filters.nothingFound')}
          w={{ base: '100%', xs: 280 }}
          comboboxProps={{ withinPortal: true }}
          data-testid="member-user"
          {...form.getInputProps('userId')}
          value={form.values.userId || null}
          onChange={(v: string | null) => form.setFieldValue('userId', v ?? '')}
        />
        <Select
          label={t('team.role')}
          placeholder={t('form.choose')}
          data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRole.${r}`) }))}
          w={{ base: '100%', xs: 220 }}
          comboboxProps={{ withinPortal: true }}
          data-testid="member-role"
          {...form.getInputProps('role')}
          value={form.values.role || null}
          onChange={(v: string | null) => form.setFieldValue('role', v ?? '')}
        />
        <Button type="submit" mt={{ base: 0, xs: 25 }} loading={add.isPending} data-testid="member-add">
          {t('team.add')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={6}>
        {t('team.grantHint')}
      </Text>
      <ErrorAlert error={users.error ?? add.error} />
    </form>
  );
}

/** The case team (lead, co-counsel, paralegal) and read-only grants; managed by the lead. */
export function TeamTab({ c }: { c: Case }): ReactElement {
  const { t } = useTranslation('cases');
  const invalidate = useInvalidateCase(c.id);
  const [removing, setRemoving] = useState<Member | null>(null);
  const remove = useMutation({
    mutationFn: (m: Member) => casesApi.removeMember(c.id, m.userId),
    onSuccess: async (fresh) => {
      setRemoving(null);
      await invalidate(fresh);
    },
  });
  const order = (r: MemberRole) => MEMBER_ROLES.indexOf(r);
  const team = [...c.team].sort((a, b) => order(a.role) - order(b.role) || a.name.localeCompare(b.name));
  return (
    <Stack>
      <Card withBorder radius="md" padding="xs">
        <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('tabs.team')}>
          {team.map((m) => (
            <Group
              key={m.userId}
              component="li"
              justify="space-between"
              wrap="nowrap"
              p="xs"
              data-testid="team-member"
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Group gap="xs" wrap="wrap" miw={0}>
                <Text size="sm" fw={600}>
                  {m.name}
                </Text>
                <Badge variant={m.role === 'lead' ? 'filled' : 'light'} tt="none">
                  {t(`memberRole.${m.role}`)}
                </Badge>
              </Group>
              {c.canManageTeam && m.role !== 'lead' && (
                <CloseButton onClick={() => setRemoving(m)} aria-label={t('team.remove', { name: m.name })} />
              )}
            </Group>
          ))}
        </Stack>
      </Card>
      {c.canManageTeam ? (
        <Card withBorder radius="md" padding="md">
          <AddMemberForm c={c} />
        </Card>
      ) : (
        <Text size="sm" c="dimmed">
          {t('team.onlyLead')}
        </Text>
      )}
      <ConfirmModal
        opened={removing !== null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        title={t('team.removeTitle')}
        confirmLabel={t('team.removeConfirm')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
      >
        <Text>{removing ? t('team.removeText', { name: removing.name }) : ''}</Text>
      </ConfirmModal>
    </Stack>
  );
}
