import { Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { districtChoicesIn, isRegionCode } from '../../../../core/geo/regions';
import { MAX_VISITS } from '../../../../core/visits';
import { AppModal } from '../../../components/AppModal';
import { useRequired } from '../../../components/useRequired';
import { ApiError } from '../../../api/client';
import { missionsApi, type Mission, type Site } from '../api';
import { useLocale } from '../l10n';
import { MonErrorAlert, monErrorMessage } from '../MonErrorAlert';
import { monitoringKeys, useInvalidate } from '../queries';
import { regionChoices, siteContext } from '../siteWords';

/** What the form starts with: the site's own values when it edits one. */
function startOf(site: Site | undefined, region: string) {
  return {
    code: site?.code ?? '',
    name: site?.name ?? '',
    region: site?.region ?? region,
    district: site?.district ?? '',
    place: site?.place ?? '',
  };
}

/**
 * One site by hand: a new one, or a change of one (`site`). Visits are asked only where a mission goes
 * back to its sites (ADR 0037): an election-day station is visited once.
 */
export function SiteFormModal({
  mission,
  site,
  onClose,
}: {
  mission: Mission;
  site?: Site;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const invalidate = useInvalidate();
  const missionId = mission.id;
  const ctx = siteContext(mission.kind);
  const regions = regionChoices(mission, lng);
  // A coordinator of one region has nothing to choose: their region is filled in.
  const only = regions.length === 1 ? regions[0]!.value : '';
  const [v, setV] = useState(() => startOf(site, only));
  const [lat, setLat] = useState<number | ''>(site?.lat ?? '');
  const [lon, setLon] = useState<number | ''>(site?.lon ?? '');
  const [visits, setVisits] = useState<number | ''>(site?.visits ?? 1);
  const formRef = useRef<HTMLFormElement>(null);
  const required = useRequired({ code: v.code, name: v.name, region: v.region });
  const revisits = mission.kind !== 'election';
  const add = useMutation({
    mutationFn: async () => {
      const body = {
        code: v.code.trim(),
        name: v.name.trim(),
        region: v.region,
        ...(revisits && visits !== '' ? { visits } : {}),
      };
      if (site)
        await missionsApi.updateSite(site.id, {
          ...body,
          district: v.district || null,
          place: v.place.trim() || null,
          lat: lat === '' ? null : lat,
          lon: lon === '' ? null : lon,
        });
      else
        await missionsApi.addSite(missionId, {
          ...body,
          ...(v.district ? { district: v.district } : {}),
          ...(v.place.trim() ? { place: v.place.trim() } : {}),
          ...(lat !== '' ? { lat } : {}),
          ...(lon !== '' ? { lon } : {}),
        });
    },
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
  // Said at the input, never changed into another number: "2.5" or "-3" is refused, not saved as 25 or 3.
  const visitsBad =
    revisits && (visits === '' || !Number.isInteger(visits) || visits < 1 || visits > MAX_VISITS);
  // A refusal about one input (a code already taken) is said at that input, not as a failure.
  const refused = add.error instanceof ApiError ? add.error : null;
  const at = (path: string) =>
    refused?.fields.some((f) => f.path === path) ? monErrorMessage(t, refused) : undefined;
  const general = refused && ['code', 'lat', 'lon', 'visits'].some((p) => at(p)) ? null : add.error;
  return (
    <AppModal
      opened
      onClose={onClose}
      title={site ? t('sites.editTitle', { site: site.name }) : t('sites.add', ctx)}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (required.check(formRef.current) && !latBad && !lonBad && !half && !visitsBad) add.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('sites.code')}
            required
            maxLength={40}
            value={v.code}
            error={required.error('code') ?? at('code')}
            onChange={(e) => setV({ ...v, code: e.currentTarget.value })}
            data-testid="site-code"
          />
          <TextInput
            label={t('sites.name')}
            required
            maxLength={200}
            value={v.name}
            error={required.error('name')}
            data-testid="site-name"
            onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
          />
          <Select
            label={t('sites.region')}
            required
            data={regions}
            data-testid="site-region"
            value={v.region || null}
            error={required.error('region')}
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
          <Group grow align="flex-start">
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
          {revisits && (
            <NumberInput
              label={t('sites.visits', ctx)}
              description={t('sites.visitsHint', ctx)}
              required
              min={1}
              max={MAX_VISITS}
              clampBehavior="none"
              value={visits}
              error={visitsBad ? t('sites.visitsRange', { max: MAX_VISITS }) : at('visits')}
              onChange={(x) => setVisits(typeof x === 'number' ? x : '')}
              data-testid="site-visits"
            />
          )}
          <MonErrorAlert error={general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel', { ns: 'ui' })}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="site-add-submit">
              {site ? t('common.save', { ns: 'ui' }) : t('sites.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
