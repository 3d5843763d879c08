import { Button, Card, EmptyState, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isRegionCode } from '../../../core/geo/regions';
import { Choropleth } from '../../components/Choropleth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useGeoNames, useLocale } from '../cases/labels';
import { useVocabLabels } from '../cases/queries';
import { statsLinks, type Stats } from './api';
import { BarList } from './BarList';
import { Headline } from './Headline';
import { useStats } from './queries';
import { currentYear, FIRST_YEAR } from './search';

function Exports({ year }: { year: number }): ReactElement {
  const { t } = useTranslation('cases');
  const lng = useLocale();
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        component="a"
        href={statsLinks.export(year, 'csv')}
        download
        variant="default"
        leftSection={<Icon name="download" size={16} />}
        data-testid="stats-csv"
      >
        {t('stats.exportCsv')}
      </Button>
      <Button
        component="a"
        href={statsLinks.export(year, 'xlsx')}
        download
        variant="default"
        leftSection={<Icon name="download" size={16} />}
        data-testid="stats-xlsx"
      >
        {t('stats.exportXlsx')}
      </Button>
      <Button
        component="a"
        href={statsLinks.report(year, lng)}
        target="_blank"
        rel="noopener"
        variant="default"
        leftSection={<Icon name="books" size={16} />}
        data-testid="stats-pdf"
      >
        {t('stats.report')}
      </Button>
    </Group>
  );
}

function Breakdowns({ s }: { s: Stats }): ReactElement {
  const { t } = useTranslation('cases');
  const geo = useGeoNames();
  const types = useVocabLabels('case_type');
  const closing = useVocabLabels('closing_code');
  const unit = t('stats.unitPeople');
  const code = (prefix: string) => (v: string) => t(`${prefix}.${v}`, { defaultValue: v });
  const known = (label: (v: string) => string) => (v: string) =>
    v === 'unknown' ? t('stats.notRecorded') : label(v);
  const regionValues = Object.fromEntries(
    s.byRegion.filter((r) => isRegionCode(r.value)).map((r) => [r.value, r.people]),
  );
  const regionLabel = (v: string) => (isRegionCode(v) ? geo.region(v) : t('stats.regionUnknown'));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <BarList
        title={t('stats.byType')}
        unit={unit}
        rows={s.byType}
        label={known(types.label)}
        testId="stats-by-type"
      />
      <BarList title={t('stats.byOutcome')} unit={unit} rows={s.byOutcome} label={known(closing.label)} />
      <BarList title={t('stats.bySex')} unit={unit} rows={s.bySex} label={code('stats.sex')} />
      <BarList title={t('stats.byAgeGroup')} unit={unit} rows={s.byAgeGroup} label={code('stats.ageGroup')} />
      <BarList
        title={t('stats.byVulnerability')}
        unit={unit}
        rows={s.byVulnerability}
        label={code('stats.vulnerability')}
      />
      <BarList
        title={t('stats.byRegion')}
        unit={unit}
        rows={s.byRegion}
        label={regionLabel}
        testId="stats-by-region"
      >
        <Stack mb="sm">
          <Choropleth level={1} values={regionValues} unit={unit} />
        </Stack>
      </BarList>
    </SimpleGrid>
  );
}

/** Legal-aid statistics for one year: unduplicated people, cases, and breakdowns; exports and report. */
export function StatsPage(): ReactElement {
  const { t } = useTranslation('cases');
  const search = useSearch({ from: '/app/stats' });
  const navigate = useNavigate({ from: '/stats' });
  const thisYear = currentYear();
  const year = search.year ?? thisYear;
  const stats = useStats(year);
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  const s = stats.data?.year === year ? stats.data : undefined;
  const empty = s !== undefined && s.people === 0 && s.cases === 0;

  return (
    <>
      <PageHeader title={t('stats.title')} description={t('stats.description')} />
      <Stack>
        <Card withBorder radius="md" padding="md">
          <Group justify="space-between" align="flex-end" gap="sm">
            <Select
              label={t('stats.year')}
              data={years}
              value={String(year)}
              onChange={(v) =>
                v && void navigate({ search: Number(v) === thisYear ? {} : { year: Number(v) } })
              }
              allowDeselect={false}
              searchable
              w={140}
              comboboxProps={{ withinPortal: true }}
              data-testid="stats-year"
            />
            {s && !empty && <Exports year={year} />}
          </Group>
        </Card>
        {!s && !stats.error && <PageLoader />}
        <ErrorAlert error={stats.error} />
        {empty && (
          <Card withBorder radius="md">
            <EmptyState
              p="xl"
              data-testid="stats-empty"
              title={t('stats.emptyTitle', { year })}
              description={t('stats.emptyHint')}
            />
          </Card>
        )}
        {s && !empty && (
          <>
            <Headline s={s} />
            <Text size="xs" c="dimmed">
              {t('stats.countingNote')}
            </Text>
            <Breakdowns s={s} />
          </>
        )}
      </Stack>
    </>
  );
}
