import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { AppModal } from '../../components/AppModal';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { WARNING_STYLES } from '../../components/warning';
import { CopyText } from '../../components/CopyText';
import { absoluteInviteUrl } from './api';

/** Shows a new invite link once, to be passed to the person over a safe channel. */
export function InviteLinkModal({
  path,
  awaitingApproval = false,
  onClose,
}: {
  path: string | null;
  /** Invited as an administrator, but as a viewer until a second administrator approves. */
  awaitingApproval?: boolean;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const url = path ? absoluteInviteUrl(path) : '';
  return (
    <AppModal opened={path !== null} onClose={onClose} title={t('users.inviteLink.title')} size="lg">
      <Stack>
        <Text size="sm">{t('users.inviteLink.description')}</Text>
        {awaitingApproval && (
          <Alert
            variant="light"
            color="ukuk"
            title={t('users.approvals.sentTitle')}
            data-testid="invite-pending"
          >
            {t('users.approvals.invitedAsViewer')}
          </Alert>
        )}
        <Code block data-testid="invite-url" style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
          {url}
        </Code>
        <Alert color="yellow" variant="light" styles={WARNING_STYLES}>
          {t('users.inviteLink.warning')}
        </Alert>
        <Group justify="space-between">
          <CopyText value={url} label={t('users.inviteLink.copy')} />
          <Button onClick={onClose}>{t('common.done')}</Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
