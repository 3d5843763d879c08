import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { districtChoicesIn, isRegionCode } from '../../../../core/geo/regions';
import { AppModal } from '../../../components/AppModal';
import { CsvField, LineIssues } from '../../../components/CsvField';
import { useFormat } from '../../../intl/format';
import { ApiError } from '../../../api/client';
import { missionsApi, type Mission, type Site } from '../api';
import { useLocale } from '../l10n';
import { MonErrorAlert, monErrorMessage } from '../MonErrorAlert';
import { monitoringKeys, useInvalidate, useObservers } from '../queries';
import { regionChoices, siteContext } from '../siteWords';

const CSV_HEADER = 'code,name,region,district,place,lat,lon,observers';

/** Paste or pick a CSV of sites; refused files list every bad line, and nothing is stored. */
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
        <Text size="sm">{t('sites.importHint', { ...ctx, header: CSV_HEADER })}</Text>
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
        <MonErrorAlert error={imp.error} />
        <LineIssues
          details={details}
          testId="import-errors"
          describe={(d) =>
            t('sites.lineIssue', {
              line: d.line ?? '?',
              field: d.field ? t(`sites.csvField.${d.field}`, { defaultValue: d.field }) : '—',
              issue: t(`sites.issue.${d.code}`, { defaultValue: d.code }),
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

/** One new site by hand. */
export function AddSiteModal({ mission, onClose }: { mission: Mission; onClose: () => void }): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const invalidate = useInvalidate();
  const missionId = mission.id;
  const regions = regionChoices(mission, lng);
  // A coordinator of one region has nothing to choose: their region is filled in.
  const only = regions.length === 1 ? regions[0]!.value : '';
  const [v, setV] = useState({ code: '', name: '', region: only, district: '', place: '' });
  const [lat, setLat] = useState<number | ''>('');
  const [lon, setLon] = useState<number | ''>('');
  const add = useMutation({
    mutationFn: () =>
      missionsApi.addSite(missionId, {
        code: v.code.trim(),
        name: v.name.trim(),
        region: v.region,
        ...(v.district ? { district: v.district } : {}),
        ...(v.place.trim() ? { place: v.place.trim() } : {}),
        ...(lat !== '' ? { lat } : {}),
        ...(lon !== '' ? { lon } : {}),
      }),
    onSuccess: async () => {
      await invalidate(monitoringKeys.mission(missionId));
      onClose();
    },
  });
  const districts = isRegionCode(v.region) ? districtChoicesIn(v.region, lng) : [];
  // Typed coordinates are never clamped or half-kept: out of range or alone is said at the input.
  const latBad = lat !== '' && Math.abs(lat) > 90;
  const lonBad = lon !== '' && Math.abs(lon) > 180;
  const half = (lat === '') !== (lon === '');
  // A refusal about one input (a code already taken) is said at that input, not as a failure.
  const refused = add.error instanceof ApiError ? add.error : null;
  const at = (path: string) =>
    refused?.fields.some((f) => f.path === path) ? monErrorMessage(t, refused) : undefined;
  const general = refused && ['code', 'lat', 'lon'].some((p) => at(p)) ? null : add.error;
  return (
    <AppModal opened onClose={onClose} title={t('sites.add', siteContext(mission.kind))}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('sites.code')}
            required
            maxLength={40}
            value={v.code}
            error={at('code')}
            onChange={(e) => setV({ ...v, code: e.currentTarget.value })}
            data-testid="site-code"
          />
          <TextInput
            label={t('sites.name')}
            required
            maxLength={200}
            value={v.name}
            onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          />
          <Select
            label={t('sites.region')}
            required
            data={regions}
            data-testid="site-region"
            value={v.region || null}
            onChange={(r) => setV({ ...v, region: r ?? '', district: '' })}
          />
          {districts.length > 0 && (
            <Select
              label={t('sites.district')}
              clearable
              data={districts}
              value={v.district || null}
              onChange={(d) => setV({ ...v, district: d ?? '' })}
            />
          )}
          <TextInput
            label={t('sites.place')}
            maxLength={200}
            value={v.place}
            onChange={(e) => setV({ ...v, place: e.currentTarget.value })}
          />
          <Group grow>
            <NumberInput
              label={t('sites.lat')}
              min={-90}
              max={90}
              clampBehavior="none"
              decimalScale={6}
              value={lat}
              error={
                latBad
                  ? t('sites.latRange')
                  : half && lat === ''
                    ? t('sites.point_half', { ns: 'errors' })
                    : at('lat')
              }
              onChange={(x) => setLat(typeof x === 'number' ? x : '')}
              data-testid="site-lat"
            />
            <NumberInput
              label={t('sites.lon')}
              min={-180}
              max={180}
              clampBehavior="none"
              decimalScale={6}
              value={lon}
              error={
                lonBad
                  ? t('sites.lonRange')
                  : half && lon === ''
                    ? t('sites.point_half', { ns: 'errors' })
                    : at('lon')
              }
              onChange={(x) => setLon(typeof x === 'number' ? x : '')}
              data-testid="site-lon"
            />
          </Group>
          <MonErrorAlert error={general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel', { ns: 'ui' })}
            </Button>
            <Button
              type="submit"
              loading={add.isPending}
              disabled={!v.code.trim() || !v.name.trim() || !v.region || latBad || lonBad || half}
              data-testid="site-add-submit"
            >
              {t('sites.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
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
  const data = (observers.data?.items ?? []).map((o) => ({
    value: o.id,
    label: o.invited ? t('sites.observerInvited', { name: o.name }) : o.name,
  }));
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
