import { Badge, Button, Card, CloseButton, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRequired } from '../../components/useRequired';
import { can, useMe } from '../auth/queries';
import { MEMBER_ROLES, violationsApi, type Event, type EventMember, type MemberRole } from './api';
import { useInvalidateEvent } from './queries';

/** Add a member or grant: a user who reads violation records, and what they may do. */
function AddMember({ event }: { event: Event }): ReactElement {
  const { t } = useTranslation('violations');
  const invalidate = useInvalidateEvent(event.id);
  // Readers of violation records may list who else reads them (names only).
  const directory = can(useMe().data, 'violations.read');
  const users = useQuery({
    queryKey: ['violations', 'assignable'],
    queryFn: violationsApi.assignableUsers,
    enabled: directory,
  });
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<MemberRole | null>(null);
  const present = new Set(event.members.map((m) => m.userId));
  const box = useRef<HTMLDivElement>(null);
  const required = useRequired({ userId: userId ?? '', role: role ?? '' });
  const add = useMutation({
    mutationFn: () => violationsApi.putMember(event.id, { userId: userId ?? '', role: role ?? 'member' }),
    onSuccess: async (fresh) => {
      setUserId(null);
      setRole(null);
      required.reset();
      await invalidate(fresh);
    },
  });
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t('members.add')}
        </Title>
        {!directory && (
          <Text size="sm" c="dimmed" data-testid="members-no-directory">
            {t('members.noDirectory')}
          </Text>
        )}
        <Group ref={box} align="flex-start" gap="sm" wrap="wrap">
          <Select
            label={t('members.user')}
            disabled={!directory}
            placeholder={t('form.choose')}
            data={(users.data?.items ?? [])
              .filter((u) => !present.has(u.id))
              .map((u) => ({ value: u.id, label: u.name }))}
            value={userId}
            error={directory ? required.error('userId') : undefined}
            onChange={setUserId}
            searchable
            nothingFoundMessage={t('form.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            miw={220}
            data-testid="member-user"
          />
          <Select
            label={t('members.role')}
            placeholder={t('form.choose')}
            data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRole.${r}`) }))}
            value={role}
            error={required.error('role')}
            onChange={(v) => setRole(v)}
            comboboxProps={{ withinPortal: true }}
            data-testid="member-role"
          />
          <Button
            onClick={() => required.check(box.current) && add.mutate()}
            disabled={!directory}
            // Down by the selects' label line: level with their inputs, whatever errors show below.
            mt={25}
            loading={add.isPending}
            data-testid="member-add"
          >
            {t('members.addButton')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('members.rolesHint')}
        </Text>
        <ErrorAlert error={users.error ?? add.error} />
      </Stack>
    </Card>
  );
}

/** The event's members (lead, members) and grants (read-only access to a restricted event). */
export function MembersTab({ event }: { event: Event }): ReactElement {
  const { t } = useTranslation('violations');
  const me = useMe().data;
  const navigate = useNavigate();
  const invalidate = useInvalidateEvent(event.id);
  const canManage = event.myRole === 'lead' || (me?.role === 'admin' && !event.restricted);
  const [removing, setRemoving] = useState<EventMember | null>(null);
  const change = useMutation({
    mutationFn: (v: { userId: string; role: MemberRole }) => violationsApi.putMember(event.id, v),
    onSuccess: (fresh) => invalidate(fresh),
  });
  const remove = useMutation({
    mutationFn: (m: EventMember) => violationsApi.removeMember(event.id, m.userId),
    onSuccess: async (res) => {
      setRemoving(null);
      if ('left' in res) {
        await navigate({ to: '/violations' });
        return;
      }
      await invalidate(res);
    },
  });
  return (
    <Stack>
      <Card withBorder radius="md" padding="xs">
        <Stack
          gap={0}
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('tabs.members')}
        >
          {event.members.map((m) => (
            <Group
              key={m.userId}
              component="li"
              justify="space-between"
              wrap="wrap"
              gap="xs"
              p="xs"
              data-testid="event-member"
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Group gap="xs" wrap="wrap" miw={0}>
                <Text size="sm" fw={600}>
                  {m.name}
                </Text>
                {!canManage && (
                  <Badge variant="light" tt="none">
                    {t(`memberRole.${m.role}`)}
                  </Badge>
                )}
              </Group>
              {canManage && (
                <Group gap="xs" wrap="nowrap">
                  <Select
                    aria-label={t('members.roleOf', { name: m.name })}
                    data={MEMBER_ROLES.map((r) => ({ value: r, label: t(`memberRole.${r}`) }))}
                    value={m.role}
                    allowDeselect={false}
                    onChange={(v) => v && change.mutate({ userId: m.userId, role: v })}
                    comboboxProps={{ withinPortal: true }}
                    w={160}
                  />
                  <CloseButton
                    onClick={() => setRemoving(m)}
                    aria-label={t('members.remove', { name: m.name })}
                  />
                </Group>
              )}
            </Group>
          ))}
        </Stack>
      </Card>
      <ErrorAlert error={change.error} />
      {canManage && <AddMember event={event} />}
      <ConfirmModal
        opened={removing !== null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        title={t('members.removeTitle')}
        confirmLabel={t('form.remove')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
      >
        {removing ? t('members.removeText', { name: removing.name }) : ''}
      </ConfirmModal>
    </Stack>
  );
}
