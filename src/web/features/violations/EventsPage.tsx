import {
  Badge,
  Button,
  Card,
  Collapse,
  EmptyState,
  Group,
  Pagination,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useFormat } from '../../intl/format';
import { can, useMe } from '../auth/queries';
import { usePhone } from '../../components/usePhone';
import { EventFilters } from './EventFilters';
import { EventResults } from './EventResults';
import { useEventList } from './queries';
import { filtersOf, toQuery, type EventSearch, type FilterKey } from './search';

/** Events per page (the server's page size). */
const PAGE_SIZE = 50;

/** The search box: typed text reaches the URL (and the server) after a pause, not per keystroke. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }): ReactElement {
  const { t } = useTranslation('violations');
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(value);
  }
  const apply = useDebouncedCallback((q: string) => onSearch(q.trim()), 400);
  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
      }}
    >
      <TextInput
        type="search"
        label={t('list.search')}
        description={t('list.searchHint')}
        value={text}
        maxLength={200}
        onChange={(e) => {
          setText(e.currentTarget.value);
          apply(e.currentTarget.value);
        }}
        data-testid="events-search"
      />
    </form>
  );
}

/** The event list: search, filters with counts, a page of 50, and "new event" for documenters. */
export function EventsPage(): ReactElement {
  const { t } = useTranslation('violations');
  const fmt = useFormat();
  const me = useMe().data;
  const search = useSearch({ from: '/app/violations' });
  const navigate = useNavigate({ from: '/violations' });
  const list = useEventList(toQuery(search));
  const phone = usePhone();
  const [filtersOpen, filtersToggle] = useDisclosure(false);
  const canWrite = can(me, 'violations.write');
  const active = Object.keys(filtersOf(search)).filter((k) => k !== 'q').length;
  const filtered = Object.keys(filtersOf(search)).length > 0;
  const items = list.data?.items ?? [];
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  const go = (next: EventSearch) => void navigate({ search: next });
  const setFilter = (key: FilterKey, value: string | undefined) => {
    const next: EventSearch = { ...filtersOf(search), [key]: value || undefined };
    if (key === 'region') delete next.district;
    go(next);
  };

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={
          list.data
            ? t('list.count', { count: list.data.total, total: fmt.number(list.data.total) })
            : undefined
        }
        actions={
          <Group gap="xs">
            <Button
              component={Link}
              to="/violations/stats"
              variant="default"
              data-testid="violation-stats-link"
            >
              {t('list.stats')}
            </Button>
            <Button
              component={Link}
              to="/violations/publications"
              variant="default"
              data-testid="violation-publications-link"
            >
              {t('list.publications')}
            </Button>
            {canWrite && (
              <Button
                component={Link}
                to="/violations/new"
                leftSection={<Icon name="plus" size={16} />}
                data-testid="new-event"
              >
                {t('list.new')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack>
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <SearchBox value={search.q ?? ''} onSearch={(q) => setFilter('q', q || undefined)} />
            {phone && (
              <Button
                variant="subtle"
                onClick={filtersToggle.toggle}
                aria-expanded={filtersOpen}
                aria-controls="event-filters"
                justify="space-between"
                fullWidth
              >
                {t('filters.toggle')}
                {active > 0 && (
                  <Badge ml="xs" variant="filled" size="sm">
                    {active}
                  </Badge>
                )}
              </Button>
            )}
            <Collapse expanded={!phone || filtersOpen} id="event-filters">
              <Stack gap="md" component="section" aria-label={t('filters.label')}>
                <EventFilters search={search} facets={list.data?.facets} onChange={setFilter} />
                {filtered && (
                  <Group justify="flex-end">
                    <Button variant="default" onClick={() => go({})} data-testid="clear-filters">
                      {t('filters.clear')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Collapse>
          </Stack>
        </Card>
        <Card withBorder radius="md" padding={0}>
          {list.isPending && <PageLoader />}
          {list.error && (
            <Stack p="md">
              <ErrorAlert error={list.error} />
            </Stack>
          )}
          {list.data && items.length === 0 && (
            <EmptyState
              p="xl"
              data-testid="events-empty"
              title={filtered ? t('list.emptyFiltered') : t('list.empty')}
              description={
                filtered ? t('list.emptyFilteredHint') : canWrite ? t('list.emptyHint') : undefined
              }
            />
          )}
          {items.length > 0 && <EventResults items={items} phone={phone} />}
        </Card>
        {list.data && pages > 1 && (
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed" role="status">
              {t('list.pageOf', { page: fmt.number(list.data.page), pages: fmt.number(pages) })}
            </Text>
            <Pagination
              total={pages}
              value={list.data.page}
              onChange={(page) => go({ ...filtersOf(search), ...(page > 1 ? { page } : {}) })}
              siblings={phone ? 0 : 1}
              getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
              getItemProps={(page) => ({ 'aria-label': t('pagination.page', { page }) })}
              data-testid="events-pagination"
            />
          </Group>
        )}
      </Stack>
    </>
  );
}
