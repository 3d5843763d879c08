import { ActionIcon, Alert, Menu, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { fieldErrors } from '../../components/errors';
import { Icon } from '../../components/icons';
import { ROLES, usersApi, type Role, type User } from './api';
import { useInvalidateUsers } from './queries';

export type ActionKind = 'role' | 'phone' | 'disable' | 'enable' | 'reset2fa' | 'endSessions' | 'reinvite';
export interface PendingAction {
  kind: ActionKind;
  user: User;
}

/** The "⋮" menu on a user row; actions on one's own account that could lock one out are hidden. */
export function UserActionMenu({
  user,
  isSelf,
  onAction,
}: {
  user: User;
  isSelf: boolean;
  onAction: (a: PendingAction) => void;
}): ReactElement {
  const { t } = useTranslation();
  const item = (kind: ActionKind, danger = false) => (
    <Menu.Item
      key={kind}
      color={danger ? 'red.8' : undefined}
      onClick={() => onAction({ kind, user })}
      data-testid={`user-action-${kind}`}
    >
      {t(`users.actions.${kind}`)}
    </Menu.Item>
  );
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray.8"
          aria-label={t('users.actions.menu', { name: user.name })}
          data-testid="user-actions"
        >
          <Icon name="dots" />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {!isSelf && item('role')}
        {!isSelf && item('phone')}
        {user.status === 'invited' && item('reinvite')}
        {user.status !== 'invited' && item('endSessions')}
        {user.totpEnabled && !isSelf && item('reset2fa', true)}
        {!isSelf && user.status === 'disabled' && item('enable')}
        {!isSelf && user.status !== 'disabled' && item('disable', true)}
      </Menu.Dropdown>
    </Menu>
  );
}

function run(kind: ActionKind, user: User, input: { role: Role; phone: string }): Promise<unknown> {
  switch (kind) {
    case 'role':
      return usersApi.update(user.id, { role: input.role });
    case 'phone':
      return usersApi.update(user.id, { phone: input.phone.trim() || null });
    case 'disable':
      return usersApi.update(user.id, { status: 'disabled' });
    case 'enable':
      return usersApi.update(user.id, { status: 'active' });
    case 'reset2fa':
      return usersApi.reset2fa(user.id);
    case 'endSessions':
      return usersApi.endSessions(user.id);
    case 'reinvite':
      return usersApi.reinvite(user.id);
  }
}

/**
 * Confirms and performs one pending action; the API client handles any re-auth prompt. Granting the
 * administrator role may come back as waiting for a second administrator (`onAwaitingApproval`).
 */
export function UserActionDialog({
  action,
  fourEyes,
  onClose,
  onInviteUrl,
  onAwaitingApproval,
}: {
  action: PendingAction | null;
  /** Another active administrator exists, so granting admin needs their approval. */
  fourEyes: boolean;
  onClose: () => void;
  onInviteUrl: (path: string) => void;
  onAwaitingApproval: (user: User) => void;
}): ReactElement | null {
  const { t } = useTranslation();
  const invalidate = useInvalidateUsers();
  const [role, setRole] = useState<Role>(action?.user.role ?? 'viewer');
  const [phone, setPhone] = useState(action?.user.phone ?? '');
  const mutation = useMutation({
    mutationFn: (a: PendingAction) => run(a.kind, a.user, { role, phone }),
    onSuccess: async (res) => {
      onClose();
      if (res && typeof res === 'object' && 'inviteUrl' in res && typeof res.inviteUrl === 'string') {
        onInviteUrl(res.inviteUrl);
      }
      if (res && typeof res === 'object' && 'pendingApprovalId' in res && res.pendingApprovalId && action) {
        onAwaitingApproval(action.user);
      }
      await invalidate();
    },
  });
  if (!action) {
    return null;
  }
  const { kind, user } = action;
  const danger = kind === 'disable' || kind === 'reset2fa';
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={t(`users.confirm.${kind}.title`, { name: user.name })}
      confirmLabel={kind === 'phone' ? t('common.save') : t(`users.actions.${kind}`)}
      danger={danger}
      loading={mutation.isPending}
      error={mutation.error}
      onConfirm={() => mutation.mutate(action)}
    >
      <Stack gap="sm">
        <Text>{t(`users.confirm.${kind}.body`, { name: user.name, email: user.email })}</Text>
        {kind === 'role' && (
          <Select
            label={t('users.fields.role')}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={(v) => v && setRole(v)}
            allowDeselect={false}
            data-testid="role-select"
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {kind === 'phone' && (
          <TextInput
            type="tel"
            label={t('users.phoneLabel')}
            autoComplete="off"
            inputMode="tel"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={fieldErrors(mutation.error).phone}
            data-testid="user-phone"
            data-autofocus
          />
        )}
        {kind === 'role' && role === 'admin' && user.role !== 'admin' && fourEyes && (
          <Alert variant="light" color="ukuk" data-testid="four-eyes-hint">
            {t('users.approvals.needsSecond')}
          </Alert>
        )}
      </Stack>
    </ConfirmModal>
  );
}
