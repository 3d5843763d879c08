import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { districtChoicesIn, isRegionCode, regionChoicesIn } from '../../../../core/geo/regions';
import { ApiError } from '../../../api/client';
import { AppModal } from '../../../components/AppModal';
import { submissionsApi, type Submission } from '../api';
import { useLocale } from '../l10n';
import { MonErrorAlert, monErrorMessage } from '../MonErrorAlert';

/** Refusals that belong under one of the two fields (the rest show above the buttons). */
const AT_REGION = new Set(['submissions.place_region', 'submissions.place_not_yours']);
const AT_DISTRICT = new Set(['submissions.place_district']);

/**
 * "Where did it happen?": a reviewer places a report that came without a site (a public report) in a
 * region and, if known, a district (review.place.ts). The region hands it to that region's
 * coordinators and puts it on the map; the reporter's answers stay as they were sent.
 */
export function PlaceDialog({
  s,
  onClose,
  onDone,
}: {
  s: Submission;
  onClose: () => void;
  onDone: (next: Submission) => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  // The server offers only the regions where this reviewer would still review the report.
  const here = s.region !== null && s.placeRegions.includes(s.region);
  const [region, setRegion] = useState<string | null>(here ? s.region : null);
  const [district, setDistrict] = useState<string | null>(here ? s.district : null);
  const save = useMutation({
    mutationFn: () => submissionsApi.place(s.id, region!, district),
    onSuccess: onDone,
  });
  const code = save.error instanceof ApiError ? save.error.code : '';
  const districts = region && isRegionCode(region) ? districtChoicesIn(region, lng) : [];
  return (
    <AppModal opened onClose={onClose} title={t('place.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (region) save.mutate();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('place.hint')}
          </Text>
          <Select
            label={t('sites.region')}
            placeholder={t('place.pickRegion')}
            data={regionChoicesIn(lng).filter((r) => s.placeRegions.includes(r.value))}
            value={region}
            searchable
            allowDeselect={false}
            onChange={(v) => {
              setRegion(v);
              // A district belongs to one region: another region starts with none.
              if (v !== region) setDistrict(null);
              save.reset();
            }}
            error={AT_REGION.has(code) ? monErrorMessage(t, save.error) : undefined}
            data-testid="place-region"
          />
          <Select
            label={t('sites.district')}
            placeholder={t('place.districtUnknown')}
            data={districts}
            value={district}
            searchable
            clearable
            disabled={districts.length === 0}
            onChange={(v) => {
              setDistrict(v);
              save.reset();
            }}
            error={AT_DISTRICT.has(code) ? monErrorMessage(t, save.error) : undefined}
            data-testid="place-district"
          />
          <MonErrorAlert error={AT_REGION.has(code) || AT_DISTRICT.has(code) ? null : save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel', { ns: 'ui' })}
            </Button>
            <Button type="submit" disabled={!region} loading={save.isPending} data-testid="place-save">
              {t('place.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
