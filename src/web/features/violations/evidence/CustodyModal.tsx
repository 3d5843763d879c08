import { Table, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../components/AppModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { TableScroll } from '../../../components/TableScroll';
import { useFormat } from '../../../intl/format';
import { useCustody } from './queries';

/** An item copied from a monitoring report when it became a violation record (review.convert.ts). */
const FROM_SUBMISSION = 'submission:';

/** The chain of custody of one item: who viewed, downloaded, exported or verified it, and when. */
export function CustodyModal({
  id,
  name,
  opened,
  onClose,
}: {
  id: string;
  name: string;
  opened: boolean;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('vstats');
  const fmt = useFormat();
  const log = useCustody(id, opened);
  const items = log.data?.items ?? [];
  return (
    <AppModal opened={opened} onClose={onClose} title={t('custody.title')} size="lg">
      <Text size="sm" mb="sm" style={{ overflowWrap: 'anywhere' }}>
        {name}
      </Text>
      {log.isPending && <PageLoader minHeight={80} />}
      <ErrorAlert error={log.error} />
      {log.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('custody.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <TableScroll minWidth={420} label={t('custody.title')}>
          <Table striped data-testid="custody-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('custody.when')}</Table.Th>
                <Table.Th>{t('custody.who')}</Table.Th>
                <Table.Th>{t('custody.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((e) => (
                <Table.Tr key={e.id} data-testid="custody-row" data-action={e.action}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(e.at)}</Table.Td>
                  <Table.Td>{e.userName ?? t('custody.system')}</Table.Td>
                  <Table.Td>
                    {t(`custody.actions.${e.action}`)}
                    {e.result && (
                      <Text span size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {' · '}
                        {e.result.startsWith(FROM_SUBMISSION)
                          ? // The whole id: a UUIDv7's first characters are its time, shared by reports
                            // converted the same minute, and a chain of custody must name one report.
                            t('custody.results.fromSubmission', {
                              id: e.result.slice(FROM_SUBMISSION.length),
                            })
                          : t(`custody.results.${e.result}`, { defaultValue: e.result })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </AppModal>
  );
}
