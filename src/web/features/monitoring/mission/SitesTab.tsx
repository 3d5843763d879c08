import { Button, EmptyState, Group, Pagination, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { districtName, isDistrictId, REGIONS } from '../../../../core/geo/regions';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { Icon } from '../../../components/icons';
import { PageLoader } from '../../../components/PageLoader';
import { TableScroll } from '../../../components/TableScroll';
import { useFormat } from '../../../intl/format';
import { missionsApi, type Mission, type Site } from '../api';
import { useRegionName } from '../labels';
import { useLocale } from '../l10n';
import { MonErrorAlert } from '../MonErrorAlert';
import { monitoringKeys, useInvalidate, useSites } from '../queries';
import { AddSiteModal, ImportSitesModal, ObserversModal } from './SiteModals';

/** Sites per page (the server's page size). */
const PAGE_SIZE = 50;

type Dialog =
  | { kind: 'add' }
  | { kind: 'import' }
  | { kind: 'observers'; site: Site }
  | { kind: 'delete'; site: Site }
  | null;

/** Polling stations or institutions of a mission: search, region filter, add, CSV import, observers. */
export function SitesTab({ mission }: { mission: Mission }): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const fmt = useFormat();
  const region = useRegionName();
  const invalidate = useInvalidate();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [reg, setReg] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const sites = useSites(mission.id, {
    q: q || undefined,
    region: reg ?? undefined,
    page: page > 1 ? page : undefined,
  });
  const del = useMutation({
    mutationFn: (id: string) => missionsApi.deleteSite(id),
    onSuccess: async () => {
      await invalidate(monitoringKeys.mission(mission.id));
      setDialog(null);
    },
  });
  const items = sites.data?.items ?? [];
  const total = sites.data?.total ?? 0;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end" gap="sm">
          <TextInput
            type="search"
            label={t('sites.search')}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setPage(1);
            }}
            w={220}
            data-testid="sites-search"
          />
          <Select
            label={t('sites.region')}
            clearable
            placeholder={t('sites.allRegions')}
            data={REGIONS.map((r) => ({ value: r.code, label: r.names[lng] }))}
            value={reg}
            onChange={(v) => {
              setReg(v);
              setPage(1);
            }}
            w={220}
          />
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={() => setDialog({ kind: 'import' })} data-testid="sites-import">
            {t('sites.import')}
          </Button>
          <Button
            leftSection={<Icon name="plus" size={16} />}
            onClick={() => setDialog({ kind: 'add' })}
            data-testid="sites-add"
          >
            {t('sites.add')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" role="status">
        {sites.data ? t('sites.count', { count: total, n: fmt.number(total) }) : ''}
      </Text>
      <MonErrorAlert error={sites.error} />
      {sites.isPending && <PageLoader />}
      {sites.data && items.length === 0 && (
        <EmptyState
          p="lg"
          title={t(q || reg ? 'sites.noMatch' : 'sites.empty')}
          description={q || reg ? undefined : t('sites.emptyHint')}
        />
      )}
      {items.length > 0 && (
        <TableScroll minWidth={760} label={t('tabs.sites')}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sites.code')}</Table.Th>
                <Table.Th>{t('sites.name')}</Table.Th>
                <Table.Th>{t('sites.region')}</Table.Th>
                <Table.Th>{t('sites.observers')}</Table.Th>
                <Table.Th ta="end">{t('sites.received')}</Table.Th>
                <Table.Th>{t('sites.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id} data-testid={`site-row-${s.code}`}>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {s.code}
                  </Table.Td>
                  <Table.Td>
                    {s.name}
                    {s.place && (
                      <Text size="xs" c="dimmed">
                        {s.place}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {region(s.region)}
                    {s.district && (
                      <Text size="xs" c="dimmed">
                        {isDistrictId(s.district) ? districtName(s.district, lng) : s.district}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-testid="site-observers">
                    {s.observers.length ? (
                      s.observers.map((o) => o.name).join(', ')
                    ) : (
                      <Text size="sm" c="orange.8">
                        {t('sites.nobody')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="end">{fmt.number(s.received)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => setDialog({ kind: 'observers', site: s })}
                        data-testid="assign-observers"
                      >
                        {t('sites.assign')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => setDialog({ kind: 'delete', site: s })}
                        aria-label={t('sites.deleteNamed', { site: s.name })}
                      >
                        <Icon name="trash" size={14} />
                      </Button>
                    </Group>
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
      {dialog?.kind === 'add' && <AddSiteModal missionId={mission.id} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'import' && (
        <ImportSitesModal missionId={mission.id} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'observers' && (
        <ObserversModal missionId={mission.id} site={dialog.site} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmModal
          opened
          danger
          title={t('sites.deleteTitle')}
          confirmLabel={t('sites.delete')}
          loading={del.isPending}
          error={del.error}
          onConfirm={() => del.mutate(dialog.site.id)}
          onClose={() => setDialog(null)}
        >
          {t('sites.deleteBody', { site: dialog.site.name })}
        </ConfirmModal>
      )}
    </Stack>
  );
}
