import { Button, EmptyState, Select, Stack, TextInput, Textarea, Group } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useRequired } from '../../components/useRequired';
import { can, useMe } from '../auth/queries';
import { MISSION_KINDS, missionsApi, type MissionKind } from './api';
import { missionDateErrors, serverDateErrors, type DateErrors } from './missionDates';
import { MonErrorAlert } from './MonErrorAlert';
import { MonitoringNav } from './MonitoringNav';
import { monitoringKeys, useInvalidate, useMissions } from './queries';
import { FieldAppNotice } from './FieldAppNotice';
import { MissionsList } from './MissionsList';
import { DayInput } from '../../components/DayInput';

function CreateMission({ opened, onClose }: { opened: boolean; onClose: () => void }): ReactElement {
  const { t } = useTranslation('monitoring');
  const navigate = useNavigate();
  const invalidate = useInvalidate();
  const [kind, setKind] = useState<MissionKind>('election');
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [description, setDescription] = useState('');
  const [dateErrors, setDateErrors] = useState<DateErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const required = useRequired({ title });
  const create = useMutation({
    mutationFn: () =>
      missionsApi.create({
        kind,
        title: title.trim(),
        ...(startsOn ? { startsOn } : {}),
        ...(endsOn ? { endsOn } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
      }),
    onSuccess: async ({ id }) => {
      await invalidate(monitoringKeys.missions);
      void navigate({ to: '/monitoring/missions/$id', params: { id } });
    },
    onError: (e) => setDateErrors(serverDateErrors(e)),
  });
  return (
    <AppModal opened={opened} onClose={onClose} title={t('missions.new')}>
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const wrong = missionDateErrors(t, startsOn, endsOn, 'endsOn');
          setDateErrors(wrong);
          if (!required.check(formRef.current) || Object.keys(wrong).length) create.reset();
          else create.mutate();
        }}
      >
        <Stack>
          <Select
            label={t('missions.kind')}
            data={MISSION_KINDS.map((k) => ({ value: k, label: t(`missionKind.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v)}
            allowDeselect={false}
            data-testid="mission-kind"
          />
          <TextInput
            label={t('missions.titleLabel')}
            required
            maxLength={200}
            value={title}
            error={required.error('title')}
            onChange={(e) => setTitle(e.currentTarget.value)}
            data-testid="mission-title"
          />
          <Group grow align="flex-start">
            <DayInput
              label={t('missions.startsOn')}
              value={startsOn}
              onChange={(e) => {
                setStartsOn(e.currentTarget.value);
                setDateErrors({});
              }}
              error={dateErrors.startsOn}
              data-testid="mission-starts-on"
            />
            <DayInput
              label={t('missions.endsOn')}
              value={endsOn}
              onChange={(e) => {
                setEndsOn(e.currentTarget.value);
                setDateErrors({});
              }}
              error={dateErrors.endsOn}
              data-testid="mission-ends-on"
            />
          </Group>
          <Textarea
            label={t('missions.descriptionLabel')}
            autosize
            minRows={2}
            maxLength={4000}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          {/* A date refused by the server is shown under its field, not again as an alert. */}
          <MonErrorAlert error={Object.keys(serverDateErrors(create.error)).length ? null : create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel', { ns: 'ui' })}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="mission-create">
              {t('missions.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** Missions the user may see (admin: all; coordinator: theirs), and "new mission" for reviewers. */
export function MissionsPage(): ReactElement {
  const { t } = useTranslation('monitoring');
  const me = useMe().data;
  const missions = useMissions();
  const [creating, setCreating] = useState(false);
  const items = missions.data?.items ?? [];
  return (
    <>
      <MonitoringNav current="missions" />
      <PageHeader
        title={t('missions.title')}
        description={missions.data ? t('missions.count', { count: items.length }) : undefined}
        actions={
          can(me, 'monitoring.review') && (
            <Button
              leftSection={<Icon name="plus" size={16} />}
              onClick={() => setCreating(true)}
              data-testid="new-mission"
            >
              {t('missions.new')}
            </Button>
          )
        }
      />
      {/* An observer's work is in the field app; coordinators who also observe see the missions list first. */}
      {me && can(me, 'monitoring.submit') && !can(me, 'monitoring.review') && <FieldAppNotice />}
      <Stack>
        <MonErrorAlert error={missions.error} />
        {missions.isPending && <PageLoader />}
        {missions.data && items.length === 0 && (
          <EmptyState p="lg" title={t('missions.empty')} description={t('missions.emptyHint')} />
        )}
        {items.length > 0 && <MissionsList items={items} />}
      </Stack>
      {creating && <CreateMission opened onClose={() => setCreating(false)} />}
    </>
  );
}
