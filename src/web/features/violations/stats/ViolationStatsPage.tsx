import { Button, Card, EmptyState, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoader } from '../../../components/PageLoader';
import { can, useMe } from '../../auth/queries';
import { Breakdowns } from './Breakdowns';
import { useViolationStats } from './queries';
import { statsFiltersOf, UNITS, type StatsFilterKey, type StatsSearch, type Unit } from './search';
import { StatsExport } from './StatsExport';
import { StatsFilterBar } from './StatsFilterBar';
import { StatsHeadline } from './StatsHeadline';

/**
 * `/violations/stats`: honest counts of violation records. The unit (events, acts or victims) is
 * chosen openly and printed with every figure; group victims stand apart; restricted events the
 * viewer may not see are not counted.
 */
export function ViolationStatsPage(): ReactElement {
  const { t } = useTranslation('vstats');
  const narrow = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const search = useSearch({ from: '/app/violations/stats' });
  const navigate = useNavigate({ from: '/violations/stats' });
  const unit: Unit = search.unit ?? 'events';
  const filters = statsFiltersOf(search);
  const stats = useViolationStats(filters, {
    unit,
    level: search.level,
    period: search.period ?? 'year',
  });
  const s = stats.data;
  const mayPublish = can(useMe().data, 'reports.read');
  const empty = s !== undefined && s.events === 0;
  const set = (patch: Partial<StatsSearch>) =>
    void navigate({ search: (prev: StatsSearch) => ({ ...prev, ...patch }), replace: true });
  const setFilter = (key: StatsFilterKey, value: string | undefined) =>
    set(key === 'region' ? { region: value, district: undefined } : { [key]: value });

  return (
    <>
      <PageHeader
        title={t('page.title')}
        description={t('page.description')}
        actions={
          mayPublish && (
            <Button
              component={Link}
              to="/violations/publications"
              variant="default"
              leftSection={<Icon name="megaphone" size={16} />}
              data-testid="vstats-publications"
            >
              {t('page.publications')}
            </Button>
          )
        }
      />
      <Stack>
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <StatsFilterBar
              search={search}
              onChange={setFilter}
              onReset={() => void navigate({ search: search.unit ? { unit: search.unit } : {} })}
            />
            <Group justify="space-between" align="flex-end" gap="sm">
              <Stack gap={4}>
                <Text size="sm" fw={500} id="vstats-unit-label">
                  {t('unit.label')}
                </Text>
                <SegmentedControl
                  // Three counts side by side do not fit a phone in Kyrgyz ("Жабырлануучулар").
                  orientation={narrow ? 'vertical' : 'horizontal'}
                  fullWidth={narrow}
                  value={unit}
                  onChange={(v) => set({ unit: v === 'events' ? undefined : v })}
                  data={UNITS.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
                  aria-labelledby="vstats-unit-label"
                  data-testid="vstats-unit"
                />
              </Stack>
              {s && !empty && <StatsExport filters={filters} />}
            </Group>
          </Stack>
        </Card>
        {!s && !stats.error && <PageLoader />}
        <ErrorAlert error={stats.error} />
        {empty && (
          <Card withBorder radius="md">
            <EmptyState
              p="xl"
              data-testid="vstats-empty"
              title={t('page.emptyTitle')}
              description={t('page.emptyHint')}
            />
          </Card>
        )}
        {s && !empty && (
          <>
            <StatsHeadline s={s} />
            <Text size="xs" c="dimmed" data-testid="vstats-unit-note">
              {t('page.unitNote', { unit: t(`breakdown.by.${unit}`) })}
            </Text>
            <Breakdowns
              s={s}
              controls={{
                level: search.level,
                period: search.period ?? 'year',
                onLevel: (level) => set({ level }),
                onPeriod: (p) => set({ period: p === 'month' ? 'month' : undefined }),
              }}
            />
          </>
        )}
      </Stack>
    </>
  );
}
