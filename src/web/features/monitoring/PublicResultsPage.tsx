import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { PageLoader } from '../../components/PageLoader';
import { useFormat } from '../../intl/format';
import { PublicLayout } from '../../shell/PublicLayout';
import { missionsApi } from './api';
import { MissionStatusBadge } from './labels';
import { DashboardBody } from './mission/dashboard.parts';
import { MonErrorAlert } from './MonErrorAlert';
import { missionPeriod } from './period';
import { siteContext } from './siteWords';

/**
 * The public results of a mission its administrators chose to publish (issue #5 item 5): anyone can
 * open it without an account, e.g. from the organisation's website. Aggregates only: no report, no
 * site, no observer, no staffing; counts from 1 to 4 are withheld by the server. It refreshes every
 * minute while the mission runs.
 */
export function PublicResultsPage(): ReactElement {
  const { id } = useParams({ from: '/results/$id' });
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const q = useQuery({
    queryKey: ['monitoring', 'public-summary', id],
    queryFn: () => missionsApi.publicSummary(id),
    retry: false,
    refetchInterval: (query) => (query.state.data?.mission.status === 'active' ? 60_000 : false),
  });
  if (q.isPending) return <PageLoader />;
  const missing = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400);
  // A failed refresh keeps the last results, marked; only a first load that failed, or a page that is
  // no longer published, shows the error instead.
  if (q.error && (missing || !q.data)) {
    return (
      <PublicLayout title={t('results.title')} width={640}>
        {missing ? (
          <Alert color="gray" variant="light" data-testid="results-missing">
            {t('results.missing')}
          </Alert>
        ) : (
          <MonErrorAlert error={q.error} />
        )}
      </PublicLayout>
    );
  }
  const s = q.data;
  const m = s.mission;
  const time = fmt.dateTime(new Date(q.dataUpdatedAt).toISOString());
  return (
    <PublicLayout
      title={m.title}
      width={1100}
      description={
        <Group component="span" gap="xs" wrap="wrap">
          <span>{t(`missionKind.${m.kind}`)}</span>
          <MissionStatusBadge status={m.status} />
          <span>{missionPeriod(t, fmt, m.startsOn, m.endsOn)}</span>
        </Group>
      }
    >
      <Stack gap="lg" data-testid="public-results">
        {q.error ? (
          <Text size="sm" c="orange.8" fw={600} role="status" data-testid="summary-stale">
            {t('results.stale', { time })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" role="status">
            {m.status === 'active' ? t('results.live', { time }) : t('dashboard.notLive', { time })}
          </Text>
        )}
        <Alert color="blue" variant="light">
          {t('results.about', siteContext(m.kind))}
          {/* What is counted: at receipt, before anyone checks (a reader of election-night figures must
              know), or only what the organisation verified (the mission's choice, ADR 0035). */}
          {s.counts === 'verified' ? (
            <Text size="sm" mt={6} data-testid="results-verified-only">
              {t('results.verifiedOnly')}
            </Text>
          ) : (
            <Text size="sm" mt={6} data-testid="results-unverified">
              {t('results.unverified')}
            </Text>
          )}
        </Alert>
        {/* The public incident form was reachable only by its address; a reader of live results who saw
            something is the person it is for. */}
        {m.status === 'active' && (
          <Anchor component={Link} to="/report" fw={600} data-testid="results-report-link">
            {t('results.reportLink')}
          </Anchor>
        )}
        <DashboardBody
          s={s}
          kind={m.kind}
          answersNote={
            // Replaced only in steps (the server's PUBLIC_THRESHOLD, as the "1 to 4" above), so that no
            // one report can be read from a change (ADR 0039): the reader is told their age.
            s.answers.length > 0 && (
              <Text size="sm" c="dimmed" mt={-6} mb="sm" data-testid="results-answers-as-of">
                {t('results.answersAsOf', { time: fmt.dateTime(s.answersAsOf), count: 5 })}
              </Text>
            )
          }
        />
      </Stack>
    </PublicLayout>
  );
}
