import { Alert, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { csvLine } from '../../../core/csv';
import { ApiError } from '../../api/client';
import { AppModal } from '../../components/AppModal';
import { CopyText } from '../../components/CopyText';
import { CsvField, LineIssues } from '../../components/CsvField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { saveFile } from '../../components/saveFile';
import { TableScroll } from '../../components/TableScroll';
import { usePhone } from '../../components/usePhone';
import { WARNING_STYLES } from '../../components/warning';
import { absoluteInviteUrl, ROLES, usersApi, type ImportedUser } from './api';
import { useInvalidateUsers } from './queries';

const HEADER = 'email,name,role,language,phone';

/** The links as a file for a mail merge or a printed hand-out; made here, never stored on the server. */
function saveLinks(items: ImportedUser[]): void {
  const text =
    csvLine(['email', 'name', 'role', 'link']) +
    items.map((u) => csvLine([u.email, u.name, u.role, absoluteInviteUrl(u.inviteUrl)])).join('');
  // The byte-order mark makes spreadsheet programs read the Cyrillic names as UTF-8.
  saveFile({
    blob: new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }),
    filename: 'invitations.csv',
  });
}

function Invited({ items }: { items: ImportedUser[] }): ReactElement {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Stack>
      <Alert color="green" role="status" data-testid="users-import-result">
        {t('users.import.done', { count: items.length, n: items.length })}
      </Alert>
      <Alert color="yellow" variant="light" styles={WARNING_STYLES}>
        {t('users.import.warning')}
      </Alert>
      {phone ? (
        <Stack gap="xs" data-testid="users-import-links">
          {items.map((u) => (
            <Card key={u.id} withBorder padding="sm">
              <Text fw={600}>{u.name}</Text>
              <Text size="sm" c="dimmed">
                {u.email} · {t(`roles.${u.role}`)}
              </Text>
              <Group mt="xs">
                <CopyText value={absoluteInviteUrl(u.inviteUrl)} label={t('users.inviteLink.copy')} />
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <TableScroll minWidth={640} label={t('users.import.link')}>
          <Table data-testid="users-import-links">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.columns.name')}</Table.Th>
                <Table.Th>{t('auth.fields.email')}</Table.Th>
                <Table.Th>{t('users.columns.role')}</Table.Th>
                <Table.Th>{t('users.import.link')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                  <Table.Td>
                    <CopyText value={absoluteInviteUrl(u.inviteUrl)} label={t('users.inviteLink.copy')} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <Group>
        <Button
          variant="default"
          leftSection={<Icon name="download" size={16} />}
          onClick={() => saveLinks(items)}
          data-testid="users-import-download"
        >
          {t('users.import.download')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Invite a whole list at once (an election's observers): paste or pick a CSV; a refused list names every
 * bad line and invites nobody. The links are shown once, here, like a single invitation's.
 */
export function ImportUsersModal({ onClose }: { onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  const invalidate = useInvalidateUsers();
  const [csv, setCsv] = useState('');
  const imp = useMutation({
    mutationFn: () => usersApi.importList(csv),
    onSuccess: () => invalidate(),
  });
  const details = imp.error instanceof ApiError ? imp.error.details : [];
  return (
    <AppModal
      opened
      onClose={onClose}
      title={t('users.import.title')}
      size="xl"
      // The links are shown only here: a stray click beside the dialog must not lose them.
      closeOnClickOutside={!imp.data}
    >
      {imp.data ? (
        <Stack>
          <Invited items={imp.data.items} />
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="users-import-close">
              {t('common.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm">{t('users.import.hint', { header: HEADER })}</Text>
          <Text size="sm" c="dimmed">
            {t('users.import.hintValues', {
              roles: ROLES.filter((r) => r !== 'admin')
                .map((r) => `${r} (${t(`roles.${r}`)})`)
                .join(', '),
            })}
          </Text>
          <CsvField
            label={t('users.import.csvLabel')}
            chooseLabel={t('users.import.chooseFile')}
            value={csv}
            onChange={setCsv}
            testId="users-csv"
          />
          <ErrorAlert error={imp.error} />
          <LineIssues
            details={details}
            testId="users-import-errors"
            describe={(d) =>
              t('users.import.lineIssue', {
                line: d.line ?? '?',
                field: t(`users.import.field.${d.field ?? 'line'}`, { defaultValue: d.field ?? '—' }),
                issue: t(`users.import.issue.${d.code}`, { defaultValue: d.code }),
              })
            }
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={() => imp.mutate()}
              loading={imp.isPending}
              disabled={!csv.trim()}
              data-testid="users-import-submit"
            >
              {t('users.import.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </AppModal>
  );
}
