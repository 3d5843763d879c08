import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../intl/format';
import type { User } from './api';
import { UserActionMenu, type PendingAction } from './UserActions';
import { AdminPendingBadge } from './AdminPendingBadge';
import { STATUS_COLOR } from './status';

/** Phone layout of the users list: one card per person, actions always in reach. */
export function UserCards({
  users,
  meId,
  adminPending,
  onAction,
}: {
  users: User[];
  meId: string | undefined;
  /** Ids of users whose promotion to administrator waits for a second administrator. */
  adminPending: Set<string>;
  onAction: (a: PendingAction) => void;
}): ReactElement {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap="xs" p="xs" component="ul" m={0} style={{ listStyle: 'none' }} aria-label={t('users.title')}>
      {users.map((u) => (
        <Paper
          key={u.id}
          withBorder
          radius="md"
          p="sm"
          component="li"
          data-testid="user-row"
          data-email={u.email}
        >
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={4} miw={0}>
              <Text fw={600} size="sm">
                {u.name}
              </Text>
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                {u.email}
              </Text>
              {u.phone && (
                <Text size="xs" c="dimmed" data-testid="user-phone-shown">
                  {`${t('users.phoneLabel')}: ${u.phone}`}
                </Text>
              )}
              <Group gap={6}>
                <Badge variant="filled" color={STATUS_COLOR[u.status]} data-testid="user-status">
                  {t(`users.status.${u.status}`)}
                </Badge>
                <Badge variant="default">{t(`roles.${u.role}`, { defaultValue: u.role })}</Badge>
                {adminPending.has(u.id) && <AdminPendingBadge />}
                <Badge variant="default">{`${t('users.columns.totp')}: ${u.totpEnabled ? t('users.totp.on') : t('users.totp.off')}`}</Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {t('users.lastLoginAt', { date: fmt.dateTime(u.lastLoginAt) ?? t('users.neverLoggedIn') })}
              </Text>
            </Stack>
            <UserActionMenu user={u} isSelf={u.id === meId} onAction={onAction} />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
