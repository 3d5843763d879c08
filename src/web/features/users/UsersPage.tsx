import {
  Alert,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { TableScroll } from '../../components/TableScroll';
import { useFormat } from '../../intl/format';
import { useMe } from '../auth/queries';
import { usePhone } from '../../components/usePhone';
import { GRANT_ADMIN, type User } from './api';
import { InviteLinkModal } from './InviteLink';
import { ImportUsersModal } from './ImportUsersModal';
import { InviteUserModal } from './InviteUserModal';
import { PendingApprovals } from './PendingApprovals';
import { useApprovals, useUsers } from './queries';
import { AdminPendingBadge } from './AdminPendingBadge';
import { STATUS_COLOR } from './status';
import { UserCards } from './UserCards';
import { UserActionDialog, UserActionMenu, type PendingAction } from './UserActions';

function UserRow({
  user,
  isSelf,
  adminPending,
  onAction,
}: {
  user: User;
  isSelf: boolean;
  adminPending: boolean;
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
        {user.phone && (
          <Text size="xs" c="dimmed" data-testid="user-phone-shown">
            {`${t('users.phoneLabel')}: ${user.phone}`}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Text size="sm">{t(`roles.${user.role}`, { defaultValue: user.role })}</Text>
          {adminPending && <AdminPendingBadge />}
        </Stack>
      </Table.Td>
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
  adminPending,
  onAction,
}: {
  users: User[];
  meId: string | undefined;
  adminPending: Set<string>;
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
            <UserRow
              key={u.id}
              user={u}
              isSelf={u.id === meId}
              adminPending={adminPending.has(u.id)}
              onAction={onAction}
            />
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
  const approvals = useApprovals();
  const [inviteOpen, invite] = useDisclosure(false);
  const [importOpen, importList] = useDisclosure(false);
  const [inviteUrl, setInviteUrl] = useState<string | null>(null);
  const [inviteAwaiting, setInviteAwaiting] = useState(false);
  const [action, setAction] = useState<PendingAction | null>(null);
  const [awaiting, setAwaiting] = useState<User | null>(null);
  const items = users.data?.items ?? [];
  const pending = approvals.data?.items ?? [];
  const adminPending = new Set(pending.filter((a) => a.kind === GRANT_ADMIN).map((a) => a.targetId));
  // The server asks for a second administrator whenever at least two are active (me and another).
  const fourEyes = items.filter((u) => u.role === 'admin' && u.status === 'active').length >= 2;
  const phone = usePhone();
  const inviteButton = (
    <Group gap="xs">
      <Button variant="default" onClick={importList.open} data-testid="users-import-open">
        {t('users.import.open')}
      </Button>
      <Button leftSection={<Icon name="plus" size={16} />} onClick={invite.open} data-testid="invite-user">
        {t('users.invite.open')}
      </Button>
    </Group>
  );
  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.count', { count: items.length })}
        actions={inviteButton}
      />
      {awaiting && (
        <Alert
          variant="light"
          color="ukuk"
          mb="md"
          title={t('users.approvals.sentTitle')}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setAwaiting(null)}
          role="status"
          data-testid="approval-notice"
        >
          {t('users.approvals.notice', { name: awaiting.name })}
        </Alert>
      )}
      <ErrorAlert error={approvals.error} />
      <PendingApprovals items={pending} />
      <Card withBorder radius="md" padding={0}>
        {users.isPending && <PageLoader />}
        <Stack p={users.error ? 'md' : 0}>
          <ErrorAlert error={users.error} />
        </Stack>
        {users.data && items.length === 0 && <EmptyState title={t('users.empty')} p="xl" />}
        {items.length > 0 &&
          (phone ? (
            <UserCards users={items} meId={me?.id} adminPending={adminPending} onAction={setAction} />
          ) : (
            <UsersTable users={items} meId={me?.id} adminPending={adminPending} onAction={setAction} />
          ))}
      </Card>
      <Group mt="sm">
        <Text size="xs" c="dimmed">
          {t('users.reauthNote')}
        </Text>
      </Group>
      <InviteUserModal
        opened={inviteOpen}
        fourEyes={fourEyes}
        onClose={invite.close}
        onInvited={(url, awaitingApproval) => {
          invite.close();
          setInviteAwaiting(awaitingApproval);
          setInviteUrl(url);
        }}
      />
      {importOpen && <ImportUsersModal onClose={importList.close} />}
      <InviteLinkModal
        path={inviteUrl}
        awaitingApproval={inviteAwaiting}
        onClose={() => {
          setInviteUrl(null);
          setInviteAwaiting(false);
        }}
      />
      <UserActionDialog
        key={action ? `${action.kind}:${action.user.id}` : 'none'}
        action={action}
        fourEyes={fourEyes}
        onClose={() => setAction(null)}
        onInviteUrl={setInviteUrl}
        onAwaitingApproval={setAwaiting}
      />
    </>
  );
}
