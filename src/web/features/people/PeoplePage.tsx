import { Button, Card, EmptyState, Group, Stack, Text } from '@mantine/core';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useMe } from '../auth/queries';
import { usePhone } from '../../components/usePhone';
import { PeopleFilters } from './PeopleFilters';
import { PeopleCards, PeopleTable } from './PeopleList';
import { canEditPeople } from './permissions';
import { usePeople } from './queries';
import type { PeopleSearch } from './search';

function AddButton(): ReactElement {
  const { t } = useTranslation('people');
  return (
    <Button
      component={Link}
      to="/people/new"
      leftSection={<Icon name="plus" size={16} />}
      data-testid="add-person"
    >
      {t('add')}
    </Button>
  );
}

/** The people registry: search across scripts, filters, pages; "Add person" for those who may. */
export function PeoplePage(): ReactElement {
  const { t } = useTranslation('people');
  const search = useSearch({ from: '/app/people' });
  const navigate = useNavigate({ from: '/people' });
  const mayAdd = canEditPeople(useMe().data);
  const { page = 1, ...filters } = search;
  const people = usePeople(filters, page);
  const phone = usePhone();
  const items = people.data?.items ?? [];
  const filtered = Object.keys(filters).length > 0;
  const go = (s: PeopleSearch) => void navigate({ search: s, replace: true });

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={mayAdd ? <AddButton /> : undefined}
      />
      <Stack>
        <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <PeopleFilters value={search} onChange={go} />
        </Card>
        <Card withBorder radius="md" padding={0}>
          {people.isPending && <PageLoader />}
          {people.error && (
            <Stack p="md">
              <ErrorAlert error={people.error} />
            </Stack>
          )}
          {people.data && items.length === 0 && (
            <EmptyState
              p="xl"
              title={filtered ? t('empty.filteredTitle') : t('empty.title')}
              description={filtered ? t('empty.filteredDescription') : t('empty.description')}
              data-testid="people-empty"
            >
              {mayAdd && (
                <EmptyState.Actions>
                  <AddButton />
                </EmptyState.Actions>
              )}
            </EmptyState>
          )}
          {items.length > 0 && (phone ? <PeopleCards items={items} /> : <PeopleTable items={items} />)}
        </Card>
        {(page > 1 || people.data?.hasMore) && (
          <Group justify="space-between" component="nav" aria-label={t('pager.label')}>
            <Button
              variant="default"
              disabled={page <= 1}
              onClick={() => go({ ...search, page: page - 1 > 1 ? page - 1 : undefined })}
            >
              {t('pager.previous')}
            </Button>
            <Text size="sm" c="dimmed" role="status">
              {t('pager.page', { page })}
            </Text>
            <Button
              variant="default"
              disabled={!people.data?.hasMore}
              onClick={() => go({ ...search, page: page + 1 })}
              data-testid="people-next"
            >
              {t('pager.next')}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
