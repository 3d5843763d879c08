import { Anchor, Group, Radio, Stack, Text } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/PageLoader';
import { useFormat } from '../../../intl/format';
import type { Mission, SitesFilter, SummaryCounts } from '../api';
import { MonErrorAlert } from '../MonErrorAlert';
import { useSummary } from '../queries';
import { DashboardBody } from './dashboard.parts';
import { ExportPanel } from './ExportPanel';

/** Live numbers of one mission; refreshed every 30 s while the mission is active. */
export function DashboardTab({
  mission,
  onSites,
}: {
  mission: Mission;
  /** Opens the sites tab with a filter (a region's sites still owing checklists). */
  onSites?: (filter: SitesFilter) => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const live = mission.status === 'active';
  // Verified only: the figures a public page counting verified reports shows (ADR 0035), before it does.
  // It opens on what the mission's public page counts.
  const [counts, setCounts] = useState<SummaryCounts>(mission.publicCounts);
  const q = useSummary(mission.id, live, counts);
  if (q.isPending) return <PageLoader />;
  // A refresh that fails keeps the last figures on screen, marked as such: on election day a blip of
  // mobile data must not blank the situation room (and its export panel) for 30 seconds.
  if (q.error && !q.data) return <MonErrorAlert error={q.error} />;
  const time = fmt.dateTime(new Date(q.dataUpdatedAt).toISOString());
  return (
    <Stack gap="lg">
      <Group justify="space-between" gap="xs">
        {q.error ? (
          <Text size="sm" c="orange.8" fw={600} role="status" data-testid="summary-stale">
            {t('dashboard.stale', { time })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" role="status">
            {live ? t('dashboard.live', { time }) : t('dashboard.notLive', { time })}
          </Text>
        )}
        {/* The export sits below every answer's chart: thousands of pixels down on a phone. */}
        <Anchor
          size="sm"
          href="#export-panel"
          data-testid="to-export"
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('export-panel')?.scrollIntoView({ behavior: 'smooth' });
          }}
        >
          {t('exports.jump')}
        </Anchor>
      </Group>
      <div>
        <Radio.Group
          label={t('dashboard.countsLabel')}
          value={counts}
          onChange={(c) => setCounts(c === 'verified' ? 'verified' : 'received')}
          data-testid="dashboard-counts"
        >
          <Group gap="md" mt={4}>
            {(['received', 'verified'] as const).map((c) => (
              <Radio key={c} value={c} label={t(`dashboard.counts.${c}`)} />
            ))}
          </Group>
        </Radio.Group>
        {q.data.counts === 'verified' && (
          <Text size="xs" c="dimmed" mt={4} data-testid="dashboard-counts-note">
            {t('dashboard.countsVerifiedNote')}
          </Text>
        )}
        {q.data.counts === 'verified' && q.data.verifiedPending && (
          <Text size="xs" c="orange.8" fw={600} mt={4} role="status" data-testid="dashboard-counts-pending">
            {t('dashboard.countsPending')}
          </Text>
        )}
      </div>
      {/* The other figures stay on screen while the chosen ones load: dimmed, so nobody reads them as those. */}
      <div style={{ opacity: q.isPlaceholderData ? 0.5 : 1 }} aria-busy={q.isPlaceholderData}>
        <DashboardBody
          s={q.data}
          kind={mission.kind}
          missionId={mission.id}
          ownRegions={mission.scope === 'regions' ? mission.regions : undefined}
          onRegion={onSites && ((region) => onSites({ region, status: 'waiting' }))}
        />
      </div>
      <ExportPanel mission={mission} />
    </Stack>
  );
}
