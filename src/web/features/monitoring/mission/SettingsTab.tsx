import {
  Anchor,
  Button,
  Group,
  Radio,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type ReactElement } from 'react';
import { useRequired } from '../../../components/useRequired';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/queries';
import { MISSION_STATUSES, missionsApi, type Mission } from '../api';
import { activeOutsideDates, missionDateErrors, serverDateErrors, type DateErrors } from '../missionDates';
import { MonErrorAlert } from '../MonErrorAlert';
import { monitoringKeys, useInvalidate } from '../queries';
import { siteContext } from '../siteWords';
import { DayInput } from '../../../components/DayInput';
import { useFormat } from '../../../intl/format';
import { todayInBishkek } from '../../cases/labels';

/** Title, dates, status (draft → active → closed) and whether the aggregates are public. */
export function SettingsTab({ mission }: { mission: Mission }): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const invalidate = useInvalidate();
  const [v, setV] = useState({
    title: mission.title,
    description: mission.description ?? '',
    startsOn: mission.startsOn ?? '',
    endsOn: mission.endsOn ?? '',
    status: mission.status,
    public: mission.public,
    publicCounts: mission.publicCounts,
    publicReports: mission.publicReports,
    fieldPin: mission.fieldPin,
  });
  // Who reviews public reports is an administrator's choice (the server refuses anyone else).
  const isAdmin = useMe().data?.role === 'admin';
  const [dateErrors, setDateErrors] = useState<DateErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const required = useRequired({ title: v.title });
  // Only a date the person changed is sent, and an emptied one as null: that clears it on the server.
  const startsChanged = v.startsOn !== (mission.startsOn ?? '');
  const endsChanged = v.endsOn !== (mission.endsOn ?? '');
  const save = useMutation({
    mutationFn: () =>
      missionsApi.update(mission.id, {
        title: v.title.trim(),
        description: v.description.trim(),
        status: v.status,
        public: v.public,
        ...(v.publicCounts !== mission.publicCounts ? { publicCounts: v.publicCounts } : {}),
        ...(v.publicReports !== mission.publicReports ? { publicReports: v.publicReports } : {}),
        ...(v.fieldPin !== mission.fieldPin ? { fieldPin: v.fieldPin } : {}),
        ...(startsChanged ? { startsOn: v.startsOn || null } : {}),
        ...(endsChanged ? { endsOn: v.endsOn || null } : {}),
      }),
    onSuccess: () =>
      Promise.all([invalidate(monitoringKeys.mission(mission.id)), invalidate(monitoringKeys.missions)]),
    onError: (e) => setDateErrors(serverDateErrors(e)),
  });
  const outside = activeOutsideDates(v.status, v.startsOn, v.endsOn, todayInBishkek());
  const setDate = (patch: Partial<typeof v>) => {
    setV({ ...v, ...patch });
    setDateErrors({});
  };
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const wrong = missionDateErrors(t, v.startsOn, v.endsOn, endsChanged ? 'endsOn' : 'startsOn');
        setDateErrors(wrong);
        if (!required.check(formRef.current) || Object.keys(wrong).length) save.reset();
        else save.mutate();
      }}
    >
      <Stack maw={560}>
        <TextInput
          label={t('missions.titleLabel')}
          required
          maxLength={200}
          value={v.title}
          error={required.error('title')}
          onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
          data-testid="mission-settings-title"
        />
        <Textarea
          label={t('missions.descriptionLabel')}
          autosize
          minRows={2}
          maxLength={4000}
          value={v.description}
          onChange={(e) => setV({ ...v, description: e.currentTarget.value })}
        />
        <Group grow align="flex-start">
          <DayInput
            label={t('missions.startsOn')}
            value={v.startsOn}
            onChange={(e) => setDate({ startsOn: e.currentTarget.value })}
            error={dateErrors.startsOn}
            data-testid="mission-starts-on"
          />
          <DayInput
            label={t('missions.endsOn')}
            value={v.endsOn}
            onChange={(e) => setDate({ endsOn: e.currentTarget.value })}
            error={dateErrors.endsOn}
            data-testid="mission-ends-on"
          />
        </Group>
        <div>
          <Text size="sm" fw={500} mb={4} id="mission-status-label">
            {t('missions.status')}
          </Text>
          <SegmentedControl
            aria-labelledby="mission-status-label"
            value={v.status}
            onChange={(s) => setV({ ...v, status: s })}
            data={MISSION_STATUSES.map((s) => ({ value: s, label: t(`missionStatus.${s}`) }))}
            data-testid="mission-status"
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t(`missionStatusHint.${v.status}`, siteContext(mission.kind))}
          </Text>
          {outside && (
            <Text size="sm" c="orange.9" mt={4} data-testid="mission-status-dates">
              {t(`missions.activeOutside.${outside}`, {
                date: fmt.date(outside === 'early' ? v.startsOn : v.endsOn),
              })}
            </Text>
          )}
        </div>
        <Switch
          label={t('missions.publicLabel')}
          description={t('missions.publicHint')}
          checked={v.public}
          onChange={(e) => setV({ ...v, public: e.currentTarget.checked })}
          data-testid="mission-public"
        />
        {/* Radios, not a segmented control: the options are sentences and must wrap on a phone. */}
        <Radio.Group
          label={t('missions.publicCountsLabel')}
          description={t(`missions.publicCountsHint.${v.publicCounts}`)}
          value={v.publicCounts}
          onChange={(c) => setV({ ...v, publicCounts: c === 'verified' ? 'verified' : 'received' })}
          data-testid="mission-public-counts"
        >
          <Stack gap={6} mt={6}>
            {(['received', 'verified'] as const).map((c) => (
              <Radio key={c} value={c} label={t(`missions.publicCounts.${c}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Switch
          label={t('missions.publicReportsLabel')}
          description={t(isAdmin ? 'missions.publicReportsHint' : 'missions.publicReportsAdminOnly')}
          checked={v.publicReports}
          disabled={!isAdmin}
          onChange={(e) => setV({ ...v, publicReports: e.currentTarget.checked })}
          data-testid="mission-public-reports"
        />
        {/* Once asked for, only an administrator may stop asking (the server refuses anyone else). */}
        <Switch
          label={t('missions.fieldPinLabel')}
          description={t(
            mission.fieldPin && !isAdmin ? 'missions.fieldPinAdminOnly' : 'missions.fieldPinHint',
          )}
          checked={v.fieldPin}
          disabled={mission.fieldPin && !isAdmin}
          onChange={(e) => setV({ ...v, fieldPin: e.currentTarget.checked })}
          data-testid="mission-field-pin"
        />
        {/* As saved, not as edited: the page answers "not published" until the change is saved. */}
        {mission.public && mission.status !== 'draft' && (
          <div>
            <Text size="sm" fw={500}>
              {t('results.link')}
            </Text>
            <Anchor
              href={`/results/${mission.id}`}
              target="_blank"
              rel="noopener"
              size="sm"
              style={{ overflowWrap: 'anywhere' }}
              data-testid="mission-public-link"
            >
              {`${window.location.origin}/results/${mission.id}`}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t('results.linkHint')}
            </Text>
          </div>
        )}
        {/* A date refused by the server is shown under its field, not again as an alert. */}
        <MonErrorAlert error={Object.keys(serverDateErrors(save.error)).length ? null : save.error} />
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="mission-settings-save">
            {t('common.save', { ns: 'ui' })}
          </Button>
          {save.isSuccess && (
            <Text size="sm" c="green.8" role="status">
              {t('saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
