import { Card, EmptyState, Grid, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../intl/format';
import { siteContext } from '../siteWords';
import { countText, shareOf, WITHHELD, type DashboardData } from './dashboard.common';
import { Answers } from './dashboard.answers';
import { OverTime } from './dashboard.hours';
import { ByRegion } from './dashboard.regions';
import { DashboardMap } from './dashboard.map';

function Stat({
  label,
  value,
  testId,
  warn = false,
  note,
}: {
  label: string;
  value: string;
  testId: string;
  warn?: boolean;
  /** A smaller line under the figure (how many of the incidents are critical). */
  note?: string;
}): ReactElement {
  return (
    <Card withBorder padding="sm" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {/* Orange only at this size: as small text it would fall below the contrast a reader needs. */}
      <Text size="xl" fw={700} c={warn ? 'orange.9' : undefined} data-testid={testId}>
        {value}
      </Text>
      {note && (
        <Text size="sm" data-testid={`${testId}-note`}>
          {note}
        </Text>
      )}
    </Card>
  );
}

/**
 * Figures, map, regions, hours and answers of a mission; the staffing figure only when given. With
 * `onRegion` (the reviewers' dashboard, not the public one) a region owing checklists opens its sites.
 */
export function DashboardBody({
  s,
  kind,
  onRegion,
  ownRegions,
  missionId,
  answersNote,
}: {
  s: DashboardData;
  /** Under the answers' heading: on the public page, when they were published (ADR 0039). */
  answersNote?: ReactNode;
  /** The reviewers' dashboard's mission: its incidents left off the chart link to the review. */
  missionId?: string;
  /** The mission's kind: its sites are worded as polling stations, institutions, courts or places. */
  kind: string;
  onRegion?: (region: string) => void;
  /** A region coordinator's regions: their map opens on these regions' districts, fitted to them. */
  ownRegions?: readonly string[] | undefined;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const ctx = siteContext(kind);
  const fmt = useFormat();
  const num = (n: number | null) => countText(n, fmt.number);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: s.unstaffed === undefined ? 4 : 5 }}>
        <Stat label={t('dashboard.expected')} value={num(s.expected)} testId="dash-expected" />
        <Stat label={t('dashboard.received')} value={num(s.received)} testId="dash-received" />
        {/* Beside expected for reviewers: a site with no observer expects nothing, so coverage can read
            100 % while whole stations go unwatched. A coordinator staffing on the eve of election day
            needs this number, and 0 is the news that every site is covered. Never published. */}
        {s.unstaffed !== undefined && (
          <Stat
            label={t('dashboard.unstaffed', ctx)}
            value={fmt.number(s.unstaffed)}
            testId="dash-unstaffed"
            warn={s.unstaffed > 0}
          />
        )}
        <Stat
          label={t('dashboard.coverage')}
          value={(() => {
            const share = shareOf(s.received, s.expected);
            return share === null ? WITHHELD : t('dashboard.percent', { n: share });
          })()}
          // A site nobody was sent to is not expected to report (counted apart above): say so, or
          // 100 % reads as every site reporting.
          note={t('dashboard.coverageNote')}
          testId="dash-coverage"
        />
        <Stat
          // Observers' incident reports, rejected ones out: the review's "critical" queue also holds public
          // reports and critical checklists, and without saying so the two numbers seemed to disagree.
          label={t('dashboard.incidents')}
          value={num(s.incidents.total)}
          note={t('dashboard.incidentsCritical', { critical: num(s.incidents.critical) })}
          testId="dash-incidents"
        />
      </SimpleGrid>
      {/* The table gets the wider share: five columns of numbers did not fit half a laptop screen. */}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <DashboardMap s={s} kind={kind} ownRegions={ownRegions} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder radius="md" p={{ base: 'sm', xs: 'md' }} h="100%">
            <Title order={2} size="h4" mb="sm">
              {t('dashboard.byRegion')}
            </Title>
            {s.byRegion.length ? (
              <>
                <ByRegion s={s} kind={kind} onRegion={onRegion} />
                {onRegion && (s.received ?? 0) < (s.expected ?? 0) && (
                  <Text size="xs" c="dimmed" mt="xs">
                    {t('dashboard.regionHint', ctx)}
                  </Text>
                )}
              </>
            ) : (
              <EmptyState p="md" title={t('dashboard.noSites', ctx)} />
            )}
          </Card>
        </Grid.Col>
      </Grid>
      <Card withBorder radius="md" padding="md">
        <OverTime s={s} missionId={missionId} />
      </Card>
      <div>
        <Title order={2} size="h4" mb="sm">
          {t('dashboard.answers')}
        </Title>
        {/* Stations are counted once above; answers count every checklist, so say why they differ. */}
        <Text size="sm" c="dimmed" mt={-8} mb="sm">
          {/* Verified figures (ADR 0035): the answers are those of checked reports only. */}
          {s.counts === 'verified' ? t('dashboard.answersVerified') : t('dashboard.answersHint', ctx)}
        </Text>
        {answersNote}
        <Answers s={s} kind="checklist" />
      </div>
      {/* What happened and who did it, where the mission's incident form asks it with choices. */}
      {s.answers.some((a) => a.kind === 'incident') && (
        <div data-testid="dash-incident-answers">
          <Title order={2} size="h4" mb="sm">
            {t('dashboard.incidentAnswers')}
          </Title>
          <Text size="sm" c="dimmed" mt={-8} mb="sm">
            {t(s.counts === 'verified' ? 'dashboard.answersVerified' : 'dashboard.incidentAnswersHint')}
          </Text>
          <Answers s={s} kind="incident" />
        </div>
      )}
    </Stack>
  );
}
