import { Anchor, Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { CaseHearingsTab } from '../calendar/CaseHearingsTab';
import { CaseDocumentsTab } from '../documents/CaseDocumentsTab';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import type { Case } from './api';
import { CaseNotFound } from './CaseNotFound';
import { RestrictedMark } from './CaseResults';
import { CASE_TABS, type CaseTab } from './caseTabs';
import { OverviewTab } from './OverviewTab';
import { PeopleTab } from './PeopleTab';
import { useCase, useVocabLabels } from './queries';
import { StatusBadge } from './StatusBadge';
import { TeamTab } from './TeamTab';
import { NotesTab } from './NotesTab';
import { TasksTab } from './TasksTab';
import { TimeTab } from './TimeTab';
import { TimelineTab } from './TimelineTab';

function TabBody({ tab, c }: { tab: CaseTab; c: Case }): ReactElement {
  switch (tab) {
    case 'overview':
      return <OverviewTab c={c} />;
    case 'people':
      return <PeopleTab c={c} />;
    case 'team':
      return <TeamTab c={c} />;
    case 'notes':
      return <NotesTab c={c} />;
    case 'tasks':
      return <TasksTab c={c} />;
    case 'time':
      return <TimeTab c={c} />;
    case 'timeline':
      return <TimelineTab c={c} />;
    case 'hearings':
      return <CaseHearingsTab caseId={c.id} canEdit={c.canEdit} />;
    case 'documents':
      return <CaseDocumentsTab caseId={c.id} canEdit={c.canEdit} />;
  }
}

function CaseHeading({ c }: { c: Case }): ReactElement {
  const { t } = useTranslation('cases');
  const types = useVocabLabels('case_type');
  return (
    <Stack gap={6} mb="md">
      <Anchor component={Link} to="/cases" size="sm">
        {t('page.back')}
      </Anchor>
      <PageHeader title={c.title} />
      <Group gap="xs" mt={-12}>
        {c.restricted && <RestrictedMark />}
        <Text size="sm" ff="monospace" data-testid="case-number">
          {c.number}
        </Text>
        <StatusBadge status={c.status} />
        <Badge variant="default" tt="none">
          {types.label(c.type)}
        </Badge>
        {c.stage && (
          <Badge variant="default" tt="none">
            {t(`stage.${c.stage}`)}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

/** One case: heading, then tabs (the tab is in the URL so it survives a reload and can be shared). */
export function CasePage(): ReactElement {
  const { t } = useTranslation('cases');
  const { id } = useParams({ from: '/app/cases/$id' });
  const { tab = 'overview' } = useSearch({ from: '/app/cases/$id' });
  const navigate = useNavigate({ from: '/cases/$id' });
  const query = useCase(id);

  if (query.isPending) return <PageLoader />;
  if (query.error instanceof ApiError && query.error.status === 404) return <CaseNotFound />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const c = query.data;

  return (
    <>
      <CaseHeading c={c} />
      <Tabs
        value={tab}
        onChange={(v) =>
          void navigate({ search: v && v !== 'overview' ? { tab: v as CaseTab } : {}, replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List aria-label={t('page.sections')} mb="md">
          {CASE_TABS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`tab-${k}`}>
              {t(`tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {CASE_TABS.map((k) => (
          <Tabs.Panel key={k} value={k}>
            {k === tab && <TabBody tab={k} c={c} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
