import { Alert, Anchor, Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useFormat } from '../../intl/format';
import type { Mission, SitesFilter } from './api';
import { MissionStatusBadge, PublicBadge } from './labels';
import { FieldAppNotice } from './FieldAppNotice';
import { CoordinatorsTab } from './mission/CoordinatorsTab';
import { DashboardTab } from './mission/DashboardTab';
import { FormsTab } from './mission/FormsTab';
import { MessagesTab } from './mission/MessagesTab';
import { SettingsTab } from './mission/SettingsTab';
import { SitesTab } from './mission/SitesTab';
import { MonErrorAlert } from './MonErrorAlert';
import { MonitoringNav } from './MonitoringNav';
import { useMission } from './queries';
import { missionPeriod } from './period';
import { siteContext } from './siteWords';

const TABS = ['dashboard', 'sites', 'messages', 'forms', 'coordinators', 'settings'] as const;
type Tab = (typeof TABS)[number];

interface BodyProps {
  tab: Tab;
  mission: Mission;
  sites?: SitesFilter;
  onSites: (filter: SitesFilter) => void;
}

function TabBody({ tab, mission, sites, onSites }: BodyProps): ReactElement {
  switch (tab) {
    case 'dashboard':
      return <DashboardTab mission={mission} onSites={onSites} />;
    case 'sites':
      // Keyed by the filter: a new one from the dashboard starts the tab afresh.
      return <SitesTab key={JSON.stringify(sites ?? {})} mission={mission} initial={sites} />;
    case 'forms':
      // No remount key here: saving refreshes the mission, and a remount would hide the "Saved." note.
      return <FormsTab mission={mission} />;
    case 'messages':
      return <MessagesTab mission={mission} />;
    case 'coordinators':
      return <CoordinatorsTab mission={mission} />;
    case 'settings':
      return <SettingsTab mission={mission} />;
  }
}

/** One mission: live dashboard, sites and observers, messages to them, forms, coordinators by region, settings. */
export function MissionPage(): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const { id } = useParams({ from: '/app/monitoring/missions/$id' });
  const [tab, setTab] = useState<Tab>('dashboard');
  // The filter the sites tab opens with when the dashboard sends the reader there.
  const [sites, setSites] = useState<SitesFilter>();
  const q = useMission(id);
  if (q.isPending) return <PageLoader />;
  if (q.error instanceof ApiError && q.error.status === 404)
    return (
      <>
        <MonitoringNav current="missions" />
        <Alert color="gray" title={t('missions.notFound')} data-testid="mission-not-found">
          <Anchor component={Link} to="/monitoring">
            {t('missions.back')}
          </Anchor>
        </Alert>
      </>
    );
  if (!q.data) return <MonErrorAlert error={q.error} />;
  const m = q.data;
  // A region coordinator works on sites and the dashboard; who coordinates and the settings are the whole mission's.
  // An observer sees their sites; the dashboard is the reviewers' (its figures are not theirs to read).
  const tabs: readonly Tab[] =
    m.scope === 'all' ? TABS : m.scope === 'observer' ? ['sites'] : ['dashboard', 'sites', 'messages'];
  const current = tabs.includes(tab) ? tab : 'sites';
  const period = missionPeriod(t, fmt, m.startsOn, m.endsOn);
  return (
    <>
      <MonitoringNav current="missions" />
      <Stack gap={6} mb="md">
        <Anchor component={Link} to="/monitoring" size="sm">
          {t('missions.back')}
        </Anchor>
        <PageHeader title={m.title} />
        <Group gap="xs" mt={-12}>
          <Badge variant="outline" tt="none">
            {t(`missionKind.${m.kind}`)}
          </Badge>
          <MissionStatusBadge status={m.status} />
          {m.public && <PublicBadge mission={m} />}
          {period && <Text size="sm">{period}</Text>}
        </Group>
        {m.description && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
            {m.description}
          </Text>
        )}
      </Stack>
      {m.scope === 'observer' && <FieldAppNotice />}
      <Tabs
        value={current}
        onChange={(v) => {
          if (!v) return;
          setSites(undefined);
          setTab(v as Tab);
        }}
        keepMounted={false}
      >
        {/* The tabs wrap onto more rows on a phone, as on the case and event pages: a sideways-scrolling
            strip hid the last tabs (and whether there were any) off the edge of the screen. */}
        <Tabs.List aria-label={t('tabs.label')} mb="md">
          {tabs.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`mission-tab-${k}`}>
              {t(`tabs.${k}`, siteContext(m.kind))}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((k) => (
          <Tabs.Panel key={k} value={k}>
            {k === current && (
              <TabBody
                tab={k}
                mission={m}
                sites={sites}
                onSites={(f) => {
                  setSites(f);
                  setTab('sites');
                }}
              />
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
