import { Code, Table, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import { useFormat } from '../../intl/format';
import { actionLabel } from './actions';
import type { AuditEntry } from './api';

function details(value: unknown): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'object' && Object.keys(value).length === 0) {
    return null;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function Row({ entry }: { entry: AuditEntry }): ReactElement {
  const { t } = useTranslation();
  const fmt = useFormat();
  const extra = details(entry.details);
  return (
    <Table.Tr data-testid="audit-row">
      <Table.Td>
        <Text size="sm" ff="monospace">
          {entry.seq}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(entry.at)}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {actionLabel(t, entry.action)}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {entry.action}
        </Text>
      </Table.Td>
      <Table.Td>{entry.actorName ?? (entry.actorId ? entry.actorId : t('audit.system'))}</Table.Td>
      <Table.Td>
        {entry.entityType && (
          <Text size="sm">
            {entry.entityType}
            {entry.entityId && (
              <Text
                span
                size="xs"
                c="dimmed"
                ff="monospace"
                display="block"
                style={{ wordBreak: 'break-all' }}
              >
                {entry.entityId}
              </Text>
            )}
          </Text>
        )}
      </Table.Td>
      <Table.Td maw={320}>
        {extra && (
          <Code fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {extra}
          </Code>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The audit entries as a table; scrolls sideways inside its card on phones. */
export function AuditTable({ entries }: { entries: AuditEntry[] }): ReactElement {
  const { t } = useTranslation();
  return (
    <TableScroll minWidth={860} label={t('audit.title')}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.columns.seq')}</Table.Th>
            <Table.Th>{t('audit.columns.at')}</Table.Th>
            <Table.Th>{t('audit.columns.action')}</Table.Th>
            <Table.Th>{t('audit.columns.actor')}</Table.Th>
            <Table.Th>{t('audit.columns.entity')}</Table.Th>
            <Table.Th>{t('audit.columns.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Row key={e.seq} entry={e} />
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
