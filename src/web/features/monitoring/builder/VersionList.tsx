import { Badge, Card, Table, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/TableScroll';
import { useFormat } from '../../../intl/format';
import type { FormDetail } from '../api';

/** The form's versions, newest first: a published one is frozen; submissions keep theirs. */
export function VersionList({ form }: { form: FormDetail }): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const rows = [...form.versions].sort((a, b) => b.version - a.version);
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('builder.versions')}
      </Title>
      <TableScroll minWidth={360} label={t('builder.versions')}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('builder.version')}</Table.Th>
              <Table.Th>{t('builder.status')}</Table.Th>
              <Table.Th>{t('builder.publishedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.version}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={v.status === 'published' ? 'green' : 'orange'} tt="none">
                    {t(`forms:status.${v.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{fmt.dateTime(v.publishedAt) ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Card>
  );
}
