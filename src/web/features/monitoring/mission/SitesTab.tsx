import { Button, EmptyState, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { saveFile } from '../../../components/saveFile';
import { Icon } from '../../../components/icons';
import { AppPagination } from '../../../components/AppPagination';
import { PageLoader } from '../../../components/PageLoader';
import { usePhone } from '../../../components/usePhone';
import { useFormat } from '../../../intl/format';
import {
  missionsApi,
  SITE_SORTS,
  SITE_STATUSES,
  type Mission,
  type Site,
  type SitesFilter,
  type SiteSort,
  type SiteStatus,
} from '../api';
import { useLocale } from '../l10n';
import { MonErrorAlert } from '../MonErrorAlert';
import { regionChoices, siteContext } from '../siteWords';
import { monitoringKeys, useInvalidate, useSites } from '../queries';
import { ContactsModal } from './ContactsModal';
import { SiteFormModal } from './SiteFormModal';
import { ImportSitesModal, ObserversModal } from './SiteModals';
import { SiteResults } from './SiteResults';

/** Sites per page (the server's page size). */
const PAGE_SIZE = 100;

/** An empty "still missing" list is good news on election day, not a failed search. */
function emptyTitle(searched: boolean, status: SiteStatus | null): string {
  if (status === 'waiting') return 'sites.noneWaiting';
  return searched || status ? 'sites.noMatch' : 'sites.empty';
}

type Dialog =
  | { kind: 'add' }
  | { kind: 'edit'; site: Site }
  | { kind: 'import' }
  | { kind: 'observers'; site: Site }
  | { kind: 'contacts'; site: Site }
  | { kind: 'delete'; site: Site }
  | null;

/**
 * Polling stations or institutions of a mission: search, region and reporting-status filters (on
 * election day: which stations still owe a checklist, and how to call their observers), add, CSV
 * import, observers.
 */
export function SitesTab({ mission, initial }: { mission: Mission; initial?: SitesFilter }): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const fmt = useFormat();
  const phone = usePhone();
  const invalidate = useInvalidate();
  // Sites are worded by the mission's kind: institutions, courts or places, polling stations for elections.
  const ctx = siteContext(mission.kind);
  const manage = mission.scope !== 'observer';
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [reg, setReg] = useState<string | null>(initial?.region ?? null);
  const [status, setStatus] = useState<SiteStatus | null>(initial?.status ?? null);
  const [sort, setSort] = useState<SiteSort>('code');
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const sites = useSites(
    mission.id,
    {
      q: q || undefined,
      region: reg ?? undefined,
      status: status ?? undefined,
      sort: sort === 'quiet' ? sort : undefined,
      page: page > 1 ? page : undefined,
    },
    mission.status === 'active',
  );
  const del = useMutation({
    mutationFn: (id: string) => missionsApi.deleteSite(id),
    onSuccess: async () => {
      await invalidate(monitoringKeys.mission(mission.id));
      setDialog(null);
    },
  });
  // The list in the import's own columns: edited in a spreadsheet and imported back.
  const download = useMutation({
    mutationFn: () => missionsApi.exportSites(mission.id),
    onSuccess: saveFile,
  });
  const items = sites.data?.items ?? [];
  const total = sites.data?.total ?? 0;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end" gap="sm" w={phone ? '100%' : undefined}>
          <TextInput
            type="search"
            label={t('sites.search')}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setPage(1);
            }}
            w={phone ? '100%' : 220}
            data-testid="sites-search"
          />
          <Select
            label={t('sites.region')}
            clearable
            placeholder={t('sites.allRegions')}
            data={regionChoices(mission, lng)}
            value={reg}
            data-testid="sites-region"
            onChange={(v) => {
              setReg(v);
              setPage(1);
            }}
            w={phone ? '100%' : 220}
          />
          <Select
            label={t('sites.status')}
            clearable
            placeholder={t('sites.allStatuses', ctx)}
            data={SITE_STATUSES.map((k) => ({ value: k, label: t(`sites.statusOption.${k}`) }))}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            // Wider than the others: «Бардык текшерүү баракчалары алынды» was cut off at 220 px.
            w={phone ? '100%' : 300}
            data-testid="sites-status"
          />
          {manage && (
            <Select
              label={t('sites.sort')}
              data={SITE_SORTS.map((k) => ({ value: k, label: t(`sites.sortOption.${k}`) }))}
              value={sort}
              allowDeselect={false}
              onChange={(v) => {
                setSort(v === 'quiet' ? 'quiet' : 'code');
                setPage(1);
              }}
              w={phone ? '100%' : 260}
              data-testid="sites-sort"
            />
          )}
        </Group>
        {manage && (
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() => setDialog({ kind: 'import' })}
              data-testid="sites-import"
            >
              {t('sites.import')}
            </Button>
            <Button
              variant="default"
              leftSection={<Icon name="download" size={16} />}
              loading={download.isPending}
              onClick={() => download.mutate()}
              data-testid="sites-export"
            >
              {t('sites.exportCsv')}
            </Button>
            <Button
              leftSection={<Icon name="plus" size={16} />}
              onClick={() => setDialog({ kind: 'add' })}
              data-testid="sites-add"
            >
              {t('sites.add', ctx)}
            </Button>
          </Group>
        )}
      </Group>
      <Text size="sm" c="dimmed" role="status">
        {sites.data ? t('sites.count', { ...ctx, count: total, n: fmt.number(total) }) : ''}
      </Text>
      <MonErrorAlert error={sites.error ?? download.error} />
      {sites.isPending && <PageLoader />}
      {sites.data && items.length === 0 && (
        <EmptyState
          p="lg"
          title={t(emptyTitle(Boolean(q || reg), status), ctx)}
          description={q || reg || status ? undefined : t('sites.emptyHint', ctx)}
        />
      )}
      {items.length > 0 && (
        <SiteResults
          items={items}
          missionId={mission.id}
          kind={mission.kind}
          manage={manage}
          phone={phone}
          onAssign={(site) => setDialog({ kind: 'observers', site })}
          onEdit={(site) => setDialog({ kind: 'edit', site })}
          onContact={(site) => setDialog({ kind: 'contacts', site })}
          onDelete={(site) => setDialog({ kind: 'delete', site })}
        />
      )}
      {total > PAGE_SIZE && (
        <AppPagination
          total={Math.ceil(total / PAGE_SIZE)}
          value={page}
          onChange={setPage}
          siblings={phone ? 0 : 1}
        />
      )}
      {dialog?.kind === 'add' && <SiteFormModal mission={mission} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && (
        <SiteFormModal mission={mission} site={dialog.site} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'import' && <ImportSitesModal mission={mission} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'observers' && (
        <ObserversModal missionId={mission.id} site={dialog.site} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'contacts' && (
        <ContactsModal site={dialog.site} kind={mission.kind} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmModal
          opened
          danger
          title={t('sites.deleteTitle', ctx)}
          confirmLabel={t('sites.delete')}
          loading={del.isPending}
          error={del.error}
          onConfirm={() => del.mutate(dialog.site.id)}
          onClose={() => setDialog(null)}
        >
          {t('sites.deleteBody', { site: `${dialog.site.name} (${dialog.site.code})` })}
        </ConfirmModal>
      )}
    </Stack>
  );
}
