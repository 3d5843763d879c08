import { EmptyState, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../../components/TableScroll';
import { AnchorLink } from '../../people/AnchorLink';
import { useFormat } from '../../../intl/format';
import { countText, type DashboardData } from './dashboard.common';
import { timeline, type Bucket, type Step } from './dashboard.timeline';

/** A withheld hour's column: tall enough to see, its height no count. */
const WITHHELD_HEIGHT = '30%';
const HATCH =
  'repeating-linear-gradient(45deg, var(--mantine-color-blue-3) 0 3px, var(--mantine-color-gray-1) 3px 6px)';

/** The i18next context of a step's wording: hours have the plain keys. */
const stepContext = (step: Step) => (step === 'hour' ? {} : { context: step });

/**
 * Incidents over time as columns — per hour on election day, per day or week over a longer mission
 * (dashboard.timeline.ts) — the first and last beneath; each count is in its tooltip and the table.
 */
export function OverTime({
  s,
  missionId,
}: {
  s: DashboardData;
  /** Reviewers': the incidents left off the chart are listed in the review (a wrong phone clock). */
  missionId?: string | undefined;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const { step, buckets: hours } = timeline(s.overTime, s.overTimeStep);
  const label = (b: Bucket) =>
    step === 'hour'
      ? (fmt.dateTime(b.at) ?? b.at)
      : step === 'day'
        ? fmt.date(b.at)
        : t('dashboard.weekOf', { date: fmt.date(b.at) });
  const title = (
    <Title order={2} size="h4" mb="sm">
      {t('dashboard.overTime', stepContext(step))}
    </Title>
  );
  const outside = s.overTimeOutside ? (
    <Text size="xs" c="dimmed" data-testid="over-time-outside">
      {t('dashboard.outsideTime', { count: s.overTimeOutside })}
      {missionId && (
        <>
          {' '}
          <AnchorLink
            to="/monitoring/review"
            search={{ clock: 'outside', mission: missionId, arrive: 1 }}
            size="xs"
            data-testid="over-time-outside-link"
          >
            {t('dashboard.outsideTimeShow', { count: s.overTimeOutside })}
          </AnchorLink>
        </>
      )}
    </Text>
  ) : null;
  if (hours.length === 0)
    return (
      <Stack gap="xs">
        {title}
        <EmptyState
          p="md"
          title={t(s.counts === 'verified' ? 'dashboard.noVerifiedIncidents' : 'dashboard.noIncidents')}
        />
        {outside}
      </Stack>
    );
  const top = Math.max(...hours.map((x) => x.n ?? 0));
  // A withheld hour had incidents, how many is not said (few, or enough to give a few away): drawn as
  // a hatched column of a fixed height that the legend says is no count, so such an hour is not drawn
  // like a quiet one, nor a chart whose every hour is withheld as empty.
  const withheld = hours.some((x) => x.n === null);
  const max = Math.max(top, 1);
  return (
    <Stack gap="xs">
      {title}
      {/* The scale: the tallest column's count (none when every count is withheld). */}
      <Text size="xs" c="dimmed" aria-hidden>
        {top > 0 ? fmt.number(top) : '\u00a0'}
      </Text>
      {/* As wide as its columns (28 px and a gap each, at most), so the last hour's label sits under
          the last column instead of at the far edge of an empty chart. */}
      <Group
        gap={2}
        align="flex-end"
        h={120}
        maw={hours.length * 30}
        wrap="nowrap"
        style={{ overflowX: 'auto', borderBottom: '1px solid var(--mantine-color-gray-4)' }}
        aria-hidden
        data-testid="over-time-columns"
      >
        {hours.map((x) => (
          <Tooltip key={x.at} label={t('dashboard.hourCount', { hour: label(x), n: countText(x.n, String) })}>
            <div
              style={{
                flex: '1 0 8px',
                maxWidth: 28,
                height: x.n === null ? WITHHELD_HEIGHT : `${(x.n / max) * 100}%`,
                minHeight: 2,
                background: x.n === null ? HATCH : 'var(--mantine-color-blue-6)',
                borderRadius: 2,
              }}
            />
          </Tooltip>
        ))}
      </Group>
      {hours.length * 30 >= 260 ? (
        <Group justify="space-between" gap="xs" aria-hidden maw={hours.length * 30}>
          <Text size="xs" c="dimmed">
            {label(hours[0]!)}
          </Text>
          <Text size="xs" c="dimmed">
            {label(hours[hours.length - 1]!)}
          </Text>
        </Group>
      ) : (
        // Too few columns to put two times under them: the span, from the first column on.
        <Text size="xs" c="dimmed" aria-hidden>
          {label(hours[0]!)}
          {hours.length > 1 && ` – ${label(hours[hours.length - 1]!)}`}
        </Text>
      )}
      {withheld && (
        <Group gap={6} wrap="nowrap" data-testid="over-time-withheld">
          <div style={{ width: 12, height: 12, flex: 'none', background: HATCH, borderRadius: 2 }} />
          <Text size="xs" c="dimmed">
            {t('dashboard.hourWithheld', stepContext(step))}
          </Text>
        </Group>
      )}
      {outside}
      <details>
        <Text component="summary" size="sm" style={{ cursor: 'pointer' }}>
          {t('dashboard.showTable')}
        </Text>
        <TableScroll minWidth={260} label={t('dashboard.overTime', stepContext(step))}>
          <Table>
            <Table.Tbody>
              {hours
                .filter((x) => x.n !== 0)
                .map((x) => (
                  <Table.Tr key={x.at}>
                    <Table.Td>{label(x)}</Table.Td>
                    <Table.Td ta="end">{countText(x.n, fmt.number)}</Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </details>
    </Stack>
  );
}
