import { ActionIcon, Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { regionChoicesIn } from '../../../../core/geo/regions';
import { ApiError } from '../../../api/client';
import { Icon } from '../../../components/icons';
import { missionsApi, type Mission } from '../api';
import { useLocale } from '../l10n';
import { MonErrorAlert, monErrorMessage } from '../MonErrorAlert';
import { monitoringKeys, useCoordinatorCandidates, useInvalidate } from '../queries';
import { siteContext } from '../siteWords';

const WHOLE = '*';
type Row = { userId: string; region: string };
type RowErrors = Record<number, { userId?: string; region?: string }>;

/**
 * The server's refusal (`coordinators.<k>.userId` or `.region`, k counting the rows sent) as messages
 * under the rows they concern; empty when the error names no row.
 */
function rowErrors(error: unknown, sent: number[], message: string): RowErrors {
  const out: RowErrors = {};
  if (!(error instanceof ApiError)) return out;
  for (const f of error.fields) {
    const m = /^coordinators\.(\d+)\.(userId|region)$/.exec(f.path);
    const row = m ? sent[Number(m[1])] : undefined;
    if (m && row !== undefined) out[row] = { ...out[row], [m[2] as 'userId' | 'region']: message };
  }
  return out;
}

/** Coordinators of the mission, each for the whole mission or one region. */
export function CoordinatorsTab({ mission }: { mission: Mission }): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const invalidate = useInvalidate();
  // Only people the server accepts as coordinators (active coordinators and administrators).
  const people = useCoordinatorCandidates();
  const [rows, setRowsState] = useState<Row[]>(
    mission.coordinators.map((c) => ({ userId: c.userId, region: c.region ?? WHOLE })),
  );
  const [errors, setErrors] = useState<RowErrors>({});
  // Rows without a person are not sent; `sent[k]` is the row of the k-th coordinator sent.
  const sent = rows.flatMap((r, i) => (r.userId ? [i] : []));
  const save = useMutation({
    mutationFn: (list: Row[]) =>
      missionsApi.setCoordinators(
        mission.id,
        list.map((r) => ({ userId: r.userId, region: r.region === WHOLE ? null : r.region })),
      ),
    onSuccess: () => invalidate(monitoringKeys.mission(mission.id)),
    onError: (e, list) => {
      // The rows as they were when sent (`sent` of that render), not as edited since.
      const at = list.map((r) => rows.indexOf(r));
      setErrors(rowErrors(e, at, monErrorMessage(t, e)));
    },
  });
  // An edit makes the last refusal stale: its messages go.
  const setRows = (next: Row[]) => {
    setRowsState(next);
    setErrors({});
    save.reset();
  };
  const candidates = (people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  // A saved coordinator who may no longer coordinate still shows by name in their own row.
  const userDataFor = (userId: string) => {
    const saved = mission.coordinators.find((c) => c.userId === userId);
    return saved && !candidates.some((c) => c.value === userId)
      ? [{ value: saved.userId, label: saved.name }, ...candidates]
      : candidates;
  };
  const regionData = [{ value: WHOLE, label: t('coordinators.whole') }, ...regionChoicesIn(lng)];
  // Saved grants no administrator stands behind (they show no phone numbers); a row not saved yet
  // is not marked, as saving decides it.
  const unconfirmed = (list: Row[]) =>
    list.some((r) =>
      mission.coordinators.some(
        (c) => c.userId === r.userId && (c.region ?? WHOLE) === r.region && !c.appointed,
      ),
    );
  return (
    <Stack maw={720}>
      <Text size="sm" c="dimmed">
        {t('coordinators.hint', siteContext(mission.kind))}
      </Text>
      {unconfirmed(rows) && (
        <Text size="sm" c="dimmed">
          {t('coordinators.appointHint')}
        </Text>
      )}
      {rows.map((r, i) => (
        <Group key={i} align="flex-end" gap="xs" wrap="wrap">
          <Select
            label={t('coordinators.person')}
            searchable
            data={userDataFor(r.userId)}
            value={r.userId || null}
            onChange={(v) => setRows(rows.map((x, k) => (k === i ? { ...x, userId: v ?? '' } : x)))}
            error={errors[i]?.userId}
            w={240}
            data-testid={`coordinator-person-${i}`}
          />
          <Select
            label={t('coordinators.region')}
            data={regionData}
            value={r.region}
            allowDeselect={false}
            onChange={(v) => setRows(rows.map((x, k) => (k === i ? { ...x, region: v ?? WHOLE } : x)))}
            error={errors[i]?.region}
            w={220}
            data-testid={`coordinator-region-${i}`}
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
          {unconfirmed([r]) && (
            <Badge
              color="yellow"
              variant="light"
              size="lg"
              tt="none"
              fw={500}
              // A phone's width: the sentence wraps instead of being cut off.
              styles={{ root: { height: 'auto', paddingBlock: 4 }, label: { whiteSpace: 'normal' } }}
              data-testid={`coordinator-unconfirmed-${i}`}
            >
              {t('coordinators.notAppointed')}
            </Badge>
          )}
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          leftSection={<Icon name="plus" size={14} />}
          onClick={() => setRows([...rows, { userId: '', region: WHOLE }])}
          data-testid="coordinators-add"
        >
          {t('coordinators.add')}
        </Button>
        <Button
          onClick={() => save.mutate(sent.map((i) => rows[i]!))}
          loading={save.isPending}
          data-testid="coordinators-save"
        >
          {t('common.save', { ns: 'ui' })}
        </Button>
        {save.isSuccess && (
          <Text size="sm" c="green.8" role="status">
            {t('saved')}
          </Text>
        )}
      </Group>
      {/* A refusal that names a row is shown under it, not again as an alert. */}
      <MonErrorAlert error={(Object.keys(errors).length ? null : save.error) ?? people.error} />
    </Stack>
  );
}
