import { Anchor, Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useVocabLabel } from '../../components/VocabPicker';
import { ActsTab } from './ActsTab';
import type { Event } from './api';
import { ChainTab } from './ChainTab';
import { EventNotFound } from './EventNotFound';
import { RestrictedMark } from './EventResults';
import { EvidenceTab } from './evidence/EvidenceTab';
import { InterventionsTab } from './InterventionsTab';
import { usePartialDates, usePersonName } from './labels';
import { MembersTab } from './MembersTab';
import { OverviewTab } from './OverviewTab';
import { PeopleTab } from './PeopleTab';
import { useEvent } from './queries';
import { EVENT_TABS, type EventTab } from './search';
import { SourcesTab } from './SourcesTab';

function TabBody({ tab, event }: { tab: EventTab; event: Event }): ReactElement {
  const name = usePersonName();
  const actType = useVocabLabel('esf_types_of_acts');
  switch (tab) {
    case 'overview':
      return <OverviewTab event={event} />;
    case 'acts':
      return <ActsTab event={event} />;
    case 'people':
      return <PeopleTab event={event} />;
    case 'sources':
      return <SourcesTab event={event} />;
    case 'interventions':
      return <InterventionsTab event={event} />;
    case 'chain':
      return <ChainTab event={event} />;
    case 'evidence':
      return (
        <EvidenceTab
          eventId={event.id}
          canEdit={event.canEdit}
          acts={event.acts.map((a) => ({ id: a.id, label: `${name(a.victim)} — ${actType(a.actType)}` }))}
        />
      );
    case 'members':
      return <MembersTab event={event} />;
  }
}

/** How many entries a tab holds, shown after its name ("Acts 2"). */
function tabCount(tab: EventTab, e: Event): number | null {
  switch (tab) {
    case 'acts':
      return e.acts.length;
    case 'sources':
      return e.information.length;
    case 'interventions':
      return e.interventions.length;
    case 'chain':
      return e.chain.length;
    case 'members':
      return e.members.length;
    default:
      return null;
  }
}

function EventHeading({ event }: { event: Event }): ReactElement {
  const { t } = useTranslation('violations');
  const dates = usePartialDates();
  const status = useVocabLabel('esf_violation_status');
  const period = dates.period(event.startDate, event.endDate);
  return (
    <Stack gap={6} mb="md">
      <Anchor component={Link} to="/violations" size="sm">
        {t('page.back')}
      </Anchor>
      <PageHeader title={event.title} />
      <Group gap="xs" mt={-12}>
        {event.restricted && <RestrictedMark />}
        <Text size="sm" ff="monospace" data-testid="event-number">
          {event.number}
        </Text>
        {period && <Text size="sm">{period}</Text>}
        {event.violationStatus && (
          <Badge variant="light" tt="none" maw="100%">
            {status(event.violationStatus)}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

/** One event: heading, then tabs (the tab is in the URL so it survives a reload and can be shared). */
export function EventPage(): ReactElement {
  const { t } = useTranslation('violations');
  const { id } = useParams({ from: '/app/violations/$id' });
  const { tab = 'overview' } = useSearch({ from: '/app/violations/$id' });
  const navigate = useNavigate({ from: '/violations/$id' });
  const query = useEvent(id);

  if (query.isPending) return <PageLoader />;
  if (query.error instanceof ApiError && query.error.status === 404) return <EventNotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const event = query.data;

  return (
    <>
      <EventHeading event={event} />
      <Tabs
        value={tab}
        onChange={(v) =>
          void navigate({ search: v && v !== 'overview' ? { tab: v as EventTab } : {}, replace: true })
        }
        keepMounted={false}
      >
        {/* The tabs wrap onto more rows on a phone, as on the case page: in a sideways-scrolling strip
            only four fit, and a page opened on a later tab (from its URL) showed none as selected. */}
        <Tabs.List aria-label={t('page.sections')} mb="md">
          {EVENT_TABS.map((k) => {
            const n = tabCount(k, event);
            return (
              <Tabs.Tab key={k} value={k} data-testid={`tab-${k}`}>
                {n === null ? t(`tabs.${k}`) : t('tabs.withCount', { tab: t(`tabs.${k}`), n })}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {EVENT_TABS.map((k) => (
          <Tabs.Panel key={k} value={k}>
            {k === tab && <TabBody tab={k} event={event} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
