import {
  Badge,
  EmptyState,
  Group,
  Pagination,
  ScrollArea,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
} from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONS } from '../../../core/geo/regions';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { TableScroll } from '../../components/TableScroll';
import { useFormat } from '../../intl/format';
import { AnchorLink } from '../people/AnchorLink';
import { QUEUES, SUBMISSION_STATUSES, type Flags, type SubmissionsQuery, type SubmissionStatus } from './api';
import { SubmissionStatusBadge, useRegionName } from './labels';
import { useL10n, useLocale } from './l10n';
import { MonErrorAlert } from './MonErrorAlert';
import { MonitoringNav } from './MonitoringNav';
import { useMissions, useSubmissions } from './queries';

/** Rows per page (the server's page size). */
const PAGE_SIZE = 50;
const TABS = ['all', ...QUEUES, 'critical'] as const;
type Tab = (typeof TABS)[number];

/** The triage marks a submission carries, as small badges. */
export function FlagBadges({ flags, critical }: { flags: Flags; critical: boolean }): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <Group gap={4}>
      {critical && (
        <Badge color="red" variant="filled" size="sm" tt="none">
          {t('review.critical')}
        </Badge>
      )}
      {QUEUES.filter((q) => flags[q]).map((q) => (
        <Badge key={q} color={q === 'urgent' ? 'orange' : 'gray'} variant="light" size="sm" tt="none">
          {t(`flags.${q}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** Triage queues of submissions with filters by mission, status and region. */
export function ReviewPage(): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const l10n = useL10n();
  const fmt = useFormat();
  const region = useRegionName();
  const missions = useMissions();
  const [tab, setTab] = useState<Tab>('all');
  const [missionId, setMissionId] = useState<string | null>(null);
  const [status, setStatus] = useState<SubmissionStatus | null>(null);
  const [reg, setReg] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const q: SubmissionsQuery = {
    ...(missionId ? { missionId } : {}),
    ...(status ? { status } : {}),
    ...(reg ? { region: reg } : {}),
    ...(tab === 'critical' ? { critical: '1' } : tab !== 'all' ? { queue: tab } : {}),
    ...(page > 1 ? { page } : {}),
  };
  const list = useSubmissions(q);
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <>
      <MonitoringNav current="review" />
      <PageHeader
        title={t('review.title')}
        description={list.data ? t('review.count', { count: total, n: fmt.number(total) }) : undefined}
      />
      <Tabs value={tab} onChange={(v) => v && reset(setTab)(v as Tab)}>
        <ScrollArea type="auto" scrollbarSize={6} mb="md">
          <Tabs.List aria-label={t('review.queues')} style={{ flexWrap: 'nowrap' }}>
            {TABS.map((k) => (
              <Tabs.Tab key={k} value={k} data-testid={`queue-${k}`} style={{ whiteSpace: 'nowrap' }}>
                {t(`queue.${k}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </ScrollArea>
      </Tabs>
      <Stack>
        <Group gap="sm" align="flex-end">
          <Select
            label={t('review.mission')}
            placeholder={t('review.allMissions')}
            clearable
            searchable
            data={(missions.data?.items ?? []).map((m) => ({ value: m.id, label: m.title }))}
            value={missionId}
            onChange={reset(setMissionId)}
            w={240}
            data-testid="review-mission"
          />
          <Select
            label={t('review.status')}
            placeholder={t('review.allStatuses')}
            clearable
            data={SUBMISSION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={status}
            onChange={(v) => reset(setStatus)(v)}
            w={180}
          />
          <Select
            label={t('sites.region')}
            placeholder={t('sites.allRegions')}
            clearable
            data={REGIONS.map((r) => ({ value: r.code, label: r.names[lng] }))}
            value={reg}
            onChange={reset(setReg)}
            w={200}
          />
        </Group>
        <MonErrorAlert error={list.error} />
        {list.isPending && <PageLoader />}
        {list.data && items.length === 0 && (
          <EmptyState p="lg" title={t('review.empty')} description={t('review.emptyHint')} />
        )}
        {items.length > 0 && (
          <TableScroll minWidth={820} label={t('review.title')}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('review.receivedAt')}</Table.Th>
                  <Table.Th>{t('review.form')}</Table.Th>
                  <Table.Th>{t('review.site')}</Table.Th>
                  <Table.Th>{t('review.observer')}</Table.Th>
                  <Table.Th>{t('review.status')}</Table.Th>
                  <Table.Th>{t('review.marks')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id} data-testid="review-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <AnchorLink
                        to="/monitoring/submissions/$id"
                        params={{ id: s.id }}
                        fw={600}
                        data-testid="submission-link"
                      >
                        {fmt.dateTime(s.receivedAt)}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      {l10n(s.formTitle) || t(`forms:kind.${s.formKind}`, { defaultValue: s.formKind })}
                    </Table.Td>
                    <Table.Td>
                      {s.siteName ?? (s.source === 'public' ? t('review.publicReport') : '—')}
                      {s.region && (
                        <Text size="xs" c="dimmed">
                          {region(s.region)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{s.observerName ?? '—'}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <SubmissionStatusBadge status={s.status} />
                        {s.lockedBy && (
                          <Text size="xs" c="orange.8">
                            {t('lock.short', { name: s.lockedBy })}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <FlagBadges flags={s.flags} critical={s.critical} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        {total > PAGE_SIZE && (
          <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} />
        )}
      </Stack>
    </>
  );
}
