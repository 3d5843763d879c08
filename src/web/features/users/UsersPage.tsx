import { Badge, Button, Card, EmptyState, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { TableScroll } from '../../components/TableScroll';
import { useFormat } from '../../intl/format';
import { useMe } from '../auth/queries';
import type { User } from './api';
import { InviteLinkModal } from './InviteLink';
import { InviteUserModal } from './InviteUserModal';
import { useUsers } from './queries';
import { STATUS_COLOR } from './status';
import { UserCards } from './UserCards';
import { UserActionDialog, UserActionMenu, type PendingAction } from './UserActions';

function UserRow({
  user,
  isSelf,
  onAction,
}: {
  user: User;
  isSelf: boolean;
  onAction: (a: PendingAction) => void;
}): ReactElement {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table.Tr data-testid="user-row" data-email={user.email}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {user.name}
        </Text>
        <Text size="xs" c="dimmed">
          {user.email}
        </Text>
      </Table.Td>
      <Table.Td>{t(`roles.${user.role}`, { defaultValue: user.role })}</Table.Td>
      <Table.Td>
        <Badge variant="filled" color={STATUS_COLOR[user.status]} data-testid="user-status">
          {t(`users.status.${user.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{user.totpEnabled ? t('users.totp.on') : t('users.totp.off')}</Table.Td>
      <Table.Td>{fmt.dateTime(user.lastLoginAt) ?? t('users.neverLoggedIn')}</Table.Td>
      <Table.Td ta="right">
        <UserActionMenu user={user} isSelf={isSelf} onAction={onAction} />
      </Table.Td>
    </Table.Tr>
  );
}

function UsersTable({
  users,
  meId,
  onAction,
}: {
  users: User[];
  meId: string | undefined;
  onAction: (a: PendingAction) => void;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <TableScroll minWidth={760} label={t('users.title')}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.columns.name')}</Table.Th>
            <Table.Th>{t('users.columns.role')}</Table.Th>
            <Table.Th>{t('users.columns.status')}</Table.Th>
            <Table.Th>{t('users.columns.totp')}</Table.Th>
            <Table.Th>{t('users.columns.lastLogin')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <UserRow key={u.id} user={u} isSelf={u.id === meId} onAction={onAction} />
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** Admin list of people with invite, role, status, 2FA and session controls. */
export function UsersPage(): ReactElement {
  const { t } = useTranslation();
  const me = useMe().data;
  const users = useUsers();
  const [inviteOpen, invite] = useDisclosure(false);
  const [inviteUrl, setInviteUrl] = useState<string | null>(null);
  const [action, setAction] = useState<PendingAction | null>(null);
  const items = users.data?.items ?? [];
  const phone = useMediaQuery('(max-width: 40em)', false, { getInitialValueInEffect: false });
  const inviteButton = (
    <Button leftSection={<Icon name="plus" size={16} />} onClick={invite.open} data-testid="invite-user">
      {t('users.invite.open')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.count', { count: items.length })}
        actions={inviteButton}
      />
      <Card withBorder radius="md" padding={0}>
        {users.isPending && <PageLoader />}
        <Stack p={users.error ? 'md' : 0}>
          <ErrorAlert error={users.error} />
        </Stack>
        {users.data && items.length === 0 && <EmptyState title={t('users.empty')} p="xl" />}
        {items.length > 0 &&
          (phone ? (
            <UserCards users={items} meId={me?.id} onAction={setAction} />
          ) : (
            <UsersTable users={items} meId={me?.id} onAction={setAction} />
          ))}
      </Card>
      <Group mt="sm">
        <Text size="xs" c="dimmed">
          {t('users.reauthNote')}
        </Text>
      </Group>
      <InviteUserModal
        opened={inviteOpen}
        onClose={invite.close}
        onInvited={(url) => {
          invite.close();
          setInviteUrl(url);
        }}
      />
      <InviteLinkModal path={inviteUrl} onClose={() => setInviteUrl(null)} />
      <UserActionDialog
        key={action ? `${action.kind}:${action.user.id}` : 'none'}
        action={action}
        onClose={() => setAction(null)}
        onInviteUrl={setInviteUrl}
      />
    </>
  );
}
