import { Alert, Anchor, Button, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../components/AppModal';
import { CsvField, LineIssues } from '../../../components/CsvField';
import { useFormat } from '../../../intl/format';
import { ApiError } from '../../../api/client';
import { missionsApi, type Mission, type Site } from '../api';
import { MonErrorAlert } from '../MonErrorAlert';
import { monitoringKeys, useInvalidate, useObservers } from '../queries';
import { siteContext } from '../siteWords';
import { saveFile } from '../../../components/saveFile';
import { geoListCsv } from './geoList';
import { MAX_VISITS } from '../../../../core/visits';

const CSV_HEADER = 'code,name,region,district,place,lat,lon,observers';
/** Missions that go back to their sites have a ninth column: planned visits (ADR 0037). */
const headerOf = (kind: string) => (kind === 'election' ? CSV_HEADER : `${CSV_HEADER},visits`);

/** Paste or pick a CSV of sites; refused files list every bad line, and nothing is stored. */
/** The sites CSV's columns (server: sites.import.ts SITES_HEADER). */
const IMPORT_COLUMNS = 9;

export function ImportSitesModal({
  mission,
  onClose,
}: {
  mission: Mission;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const missionId = mission.id;
  const ctx = siteContext(mission.kind);
  const invalidate = useInvalidate();
  const [csv, setCsv] = useState('');
  const imp = useMutation({
    mutationFn: () => missionsApi.importSites(missionId, csv),
    onSuccess: () => invalidate(monitoringKeys.mission(missionId)),
  });
  const details = imp.error instanceof ApiError ? imp.error.details : [];
  return (
    <AppModal opened onClose={onClose} title={t('sites.importTitle', ctx)} size="lg">
      <Stack>
        {/* The column list is one long word: on a phone it breaks anywhere rather than run off the screen. */}
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('sites.importHint', { ...ctx, header: headerOf(mission.kind) })}
        </Text>
        <Text size="sm">{t('sites.importRoundTrip')}</Text>
        {mission.kind !== 'election' && (
          <Text size="sm" data-testid="sites-import-visits">
            {t('sites.importVisits', { ...ctx, max: MAX_VISITS })}
          </Text>
        )}
        <Text size="sm">
          {t('sites.geoNote')}
          <Anchor
            component="button"
            type="button"
            size="sm"
            data-testid="sites-geo-list"
            onClick={() =>
              saveFile({
                blob: new Blob([geoListCsv()], { type: 'text/csv;charset=utf-8' }),
                filename: 'regions-districts.csv',
              })
            }
          >
            {t('sites.geoList')}
          </Anchor>
        </Text>
        <CsvField
          label={t('sites.csvLabel')}
          chooseLabel={t('sites.chooseFile')}
          value={csv}
          onChange={setCsv}
          testId="sites-csv"
        />
        {imp.data && (
          <Alert color="green" role="status" data-testid="import-result">
            {t('sites.imported', { created: imp.data.created, updated: imp.data.updated })}
            {imp.data.assigned > 0 &&
              ` ${t('sites.importedObservers', { ...ctx, count: imp.data.assigned, n: fmt.number(imp.data.assigned) })}`}
          </Alert>
        )}
        {/* Imported all the same: two schools of one name in one district exist, but rarely. */}
        {imp.data && imp.data.sameName.length + imp.data.sameAsSite.length > 0 ? (
          <Alert color="yellow" data-testid="import-same-name">
            <Stack gap={4}>
              {imp.data.sameName.map((g) => (
                <Text size="sm" key={g.lines.join()}>
                  {t('sites.sameName', { lines: g.lines.join(', '), name: g.name })}
                </Text>
              ))}
              {imp.data.sameAsSite.map((g) => (
                <Text size="sm" key={`site-${g.line}`}>
                  {t('sites.sameAsSite', { line: g.line, name: g.name, code: g.code })}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : null}
        <MonErrorAlert error={imp.error} />
        <LineIssues
          details={details}
          testId="import-errors"
          describe={(d) =>
            // A whole line with too many cells: "Line 5, line: wrong columns" said nothing useful.
            d.field === 'line' && d.code === 'columns'
              ? t('sites.lineOnly', {
                  line: d.line ?? '?',
                  issue: t('sites.issue.columns_line', { n: IMPORT_COLUMNS }),
                })
              : t('sites.lineIssue', {
                  line: d.line ?? '?',
                  field: d.field ? t(`sites.csvField.${d.field}`, { defaultValue: d.field }) : '—',
                  issue: t(`sites.issue.${d.code}`, { defaultValue: d.code, max: MAX_VISITS }),
                })
          }
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close', { ns: 'ui' })}
          </Button>
          <Button
            onClick={() => imp.mutate()}
            loading={imp.isPending}
            disabled={!csv.trim()}
            data-testid="sites-import-submit"
          >
            {t('sites.importSubmit')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

/** Who observes at a site (users who can submit reports). */
export function ObserversModal({
  missionId,
  site,
  onClose,
}: {
  missionId: string;
  site: Site;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const invalidate = useInvalidate();
  const observers = useObservers();
  const [ids, setIds] = useState(site.observers.map((o) => o.userId));
  const save = useMutation({
    mutationFn: () => missionsApi.setObservers(site.id, ids),
    onSuccess: async () => {
      await invalidate(monitoringKeys.mission(missionId));
      onClose();
    },
  });
  // Observers first; staff who may also report (a coordinator, an administrator) after them, named
  // with their role: an administrator picked by mistake is otherwise just one more name in the list.
  const data = [...(observers.data?.items ?? [])]
    .sort((a, b) => Number(a.role !== 'monitor') - Number(b.role !== 'monitor'))
    .map((o) => {
      const name =
        o.role === 'monitor' ? o.name : `${o.name} (${t(`ui:roles.${o.role}`, { defaultValue: o.role })})`;
      return { value: o.id, label: o.invited ? t('sites.observerInvited', { name }) : name };
    });
  for (const o of site.observers)
    if (!data.some((d) => d.value === o.userId)) data.push({ value: o.userId, label: o.name });
  return (
    <AppModal opened onClose={onClose} title={t('sites.observersTitle', { site: site.name })}>
      <Stack>
        <MultiSelect
          label={t('sites.observers')}
          searchable
          data={data}
          value={ids}
          onChange={setIds}
          nothingFoundMessage={t('sites.noObservers')}
          data-testid="observers-select"
        />
        <MonErrorAlert error={save.error ?? observers.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel', { ns: 'ui' })}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="observers-save">
            {t('common.save', { ns: 'ui' })}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
