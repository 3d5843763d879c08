import {
  ActionIcon,
  Button,
  Card,
  EmptyState,
  Group,
  Input,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { AgendaView, MonthView, WeekView } from './CalendarViews';
import { FeedCard } from './FeedCard';
import { useCalendar } from './queries';
import type { CalendarSearch } from './search';
import {
  rangeOf,
  shiftAnchor,
  todayBishkek,
  useCalendarFormat,
  type CalendarFormat,
  type CalendarView,
} from './time';

function rangeTitle(view: CalendarView, anchor: string, from: string, to: string, fmt: CalendarFormat) {
  if (view === 'month') return fmt.monthTitle(anchor);
  if (view === 'day') return fmt.fullDay(anchor);
  return `${fmt.dayHeading(from)} – ${fmt.dayHeading(to)}`;
}

function Toolbar({
  search,
  apply,
  title,
  lawyers,
  fetching,
}: {
  search: Required<Pick<CalendarSearch, 'view' | 'date' | 'scope'>> & CalendarSearch;
  apply: (s: Partial<CalendarSearch>) => void;
  title: string;
  lawyers: { id: string; name: string }[];
  fetching: boolean;
}): ReactElement {
  const { t } = useTranslation('calendar');
  const { view, date } = search;
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <Group gap={6}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('nav.previous')}
            onClick={() => apply({ date: shiftAnchor(view, date, -1) })}
            data-testid="calendar-prev"
          >
            <Icon name="chevronLeft" />
          </ActionIcon>
          <Button
            variant="default"
            onClick={() => apply({ date: todayBishkek() })}
            data-testid="calendar-today"
          >
            {t('nav.today')}
          </Button>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('nav.next')}
            onClick={() => apply({ date: shiftAnchor(view, date, 1) })}
            data-testid="calendar-next"
          >
            <Icon name="chevronRight" />
          </ActionIcon>
          <Title order={2} size="h4" ml="xs" data-testid="calendar-range-title">
            {title}
          </Title>
          {fetching && <Loader size="xs" aria-hidden="true" />}
        </Group>
        <SegmentedControl
          value={view}
          onChange={(v) => apply({ view: v })}
          aria-label={t('view.label')}
          data={(['month', 'week', 'day'] as const).map((v) => ({ value: v, label: t(`view.${v}`) }))}
          data-testid="calendar-view"
        />
      </Group>
      <Group gap="sm" align="flex-end">
        <Stack gap={4}>
          <Input.Label id="calendar-scope-label">{t('scope.label')}</Input.Label>
          <SegmentedControl
            value={search.scope}
            onChange={(v) => apply({ scope: v === 'org' ? 'org' : 'me' })}
            aria-labelledby="calendar-scope-label"
            data={[
              { value: 'me', label: t('scope.me') },
              { value: 'org', label: t('scope.org') },
            ]}
            data-testid="calendar-scope"
          />
        </Stack>
        <Select
          label={t('lawyer.label')}
          placeholder={t('lawyer.all')}
          clearable
          value={search.lawyer ?? null}
          onChange={(v) => apply({ lawyer: v ?? undefined })}
          data={lawyers.map((l) => ({ value: l.id, label: l.name }))}
          w={{ base: '100%', xs: 260 }}
          data-testid="calendar-lawyer"
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
    </Stack>
  );
}

/** Hearings and deadlines by month, week or day, in Bishkek time; a list on narrow screens. */
export function CalendarPage(): ReactElement {
  const { t } = useTranslation('calendar');
  const raw = useSearch({ from: '/app/calendar' });
  const navigate = useNavigate({ from: '/calendar' });
  const fmt = useCalendarFormat();
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const today = todayBishkek();
  const search = {
    ...raw,
    view: raw.view ?? 'week',
    date: raw.date ?? today,
    scope: raw.scope ?? 'me',
  } as const;
  const { from, to } = rangeOf(search.view, search.date);
  const cal = useCalendar({ from, to, scope: search.scope, lawyer: search.lawyer });
  const items = cal.data?.from === from && cal.data.to === to ? cal.data.items : [];
  const apply = (s: Partial<CalendarSearch>) =>
    void navigate({ search: (prev: CalendarSearch) => ({ ...prev, ...s }) });
  const openDay = (day: string) => apply({ view: 'day', date: day });
  const viewProps = { from, to, today, items, fmt, showLawyer: search.scope === 'org', onOpenDay: openDay };
  const conflicts = items.filter((i) => i.conflict).length;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Stack>
        <Card withBorder radius="md" padding="md">
          <Toolbar
            search={search}
            apply={apply}
            title={rangeTitle(search.view, search.date, from, to, fmt)}
            lawyers={cal.data?.lawyers ?? []}
            fetching={cal.isFetching && !cal.isPending}
          />
        </Card>
        <Card withBorder radius="md" padding={narrow ? 'sm' : 'md'} data-testid="calendar-body">
          {cal.isPending && <PageLoader />}
          <ErrorAlert error={cal.error} />
          {conflicts > 0 && (
            <Text size="sm" c="red.8" fw={600} mb="sm" role="status" data-testid="calendar-conflicts">
              {t('conflict.summary', { count: conflicts })}
            </Text>
          )}
          {cal.data && items.length === 0 && !cal.isPlaceholderData && (
            <EmptyState
              title={t('empty.title')}
              description={t('empty.description')}
              p="xl"
              data-testid="calendar-empty"
            />
          )}
          {items.length > 0 &&
            (narrow || search.view === 'day' ? (
              <AgendaView {...viewProps} />
            ) : search.view === 'week' ? (
              <WeekView {...viewProps} />
            ) : (
              <MonthView {...viewProps} month={search.date.slice(0, 7)} />
            ))}
          <Text size="xs" c="dimmed" mt="sm">
            {t('timeZoneNote')}
          </Text>
        </Card>
        <FeedCard />
      </Stack>
    </>
  );
}
