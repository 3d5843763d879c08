import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONS } from '../../../../core/geo/regions';
import { Icon } from '../../../components/icons';
import { missionsApi, type Mission } from '../api';
import { useLocale } from '../l10n';
import { MonErrorAlert } from '../MonErrorAlert';
import { monitoringKeys, useInvalidate, useObservers } from '../queries';

const WHOLE = '*';

/** Coordinators of the mission, each for the whole mission or one region. */
export function CoordinatorsTab({ mission }: { mission: Mission }): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const invalidate = useInvalidate();
  const people = useObservers();
  const [rows, setRows] = useState(
    mission.coordinators.map((c) => ({ userId: c.userId, region: c.region ?? WHOLE })),
  );
  const save = useMutation({
    mutationFn: () =>
      missionsApi.setCoordinators(
        mission.id,
        rows
          .filter((r) => r.userId)
          .map((r) => ({ userId: r.userId, region: r.region === WHOLE ? null : r.region })),
      ),
    onSuccess: () => invalidate(monitoringKeys.mission(mission.id)),
  });
  const names = new Map([
    ...mission.coordinators.map((c) => [c.userId, c.name] as const),
    // A coordinator must have set up their account; invited people can only be placed on sites.
    ...(people.data?.items ?? []).filter((p) => !p.invited).map((p) => [p.id, p.name] as const),
  ]);
  const userData = [...names].map(([value, label]) => ({ value, label }));
  const regionData = [
    { value: WHOLE, label: t('coordinators.whole') },
    ...REGIONS.map((r) => ({ value: r.code, label: r.names[lng] })),
  ];
  return (
    <Stack maw={720}>
      <Text size="sm" c="dimmed">
        {t('coordinators.hint')}
      </Text>
      {rows.map((r, i) => (
        <Group key={i} align="flex-end" gap="xs" wrap="wrap">
          <Select
            label={t('coordinators.person')}
            searchable
            data={userData}
            value={r.userId || null}
            onChange={(v) => setRows(rows.map((x, k) => (k === i ? { ...x, userId: v ?? '' } : x)))}
            w={240}
          />
          <Select
            label={t('coordinators.region')}
            data={regionData}
            value={r.region}
            allowDeselect={false}
            onChange={(v) => setRows(rows.map((x, k) => (k === i ? { ...x, region: v ?? WHOLE } : x)))}
            w={220}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={t('coordinators.remove')}
            onClick={() => setRows(rows.filter((_, k) => k !== i))}
          >
            <Icon name="trash" size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          leftSection={<Icon name="plus" size={14} />}
          onClick={() => setRows([...rows, { userId: '', region: WHOLE }])}
        >
          {t('coordinators.add')}
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('common.save', { ns: 'ui' })}
        </Button>
        {save.isSuccess && (
          <Text size="sm" c="green.8" role="status">
            {t('saved')}
          </Text>
        )}
      </Group>
      <MonErrorAlert error={save.error ?? people.error} />
    </Stack>
  );
}
