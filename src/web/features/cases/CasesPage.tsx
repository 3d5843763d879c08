import { Badge, Button, Card, Collapse, EmptyState, Group, Pagination, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useFormat } from '../../intl/format';
import { can, useMe } from '../auth/queries';
import { usePhone } from '../../components/usePhone';
import { CaseFilters } from './CaseFilters';
import { CaseResults } from './CaseResults';
import { ExportMenu } from './ExportMenu';
import { NewCaseModal } from './NewCaseModal';
import { useCaseList } from './queries';
import { SavedViews } from './SavedViews';
import { filtersOf, toQuery, type CaseSearch, type FilterKey } from './search';

/** The case list: filters with counts, saved views, a page of 50, and "new case" for lawyers. */
export function CasesPage(): ReactElement {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const me = useMe().data;
  const search = useSearch({ from: '/app/cases' });
  const navigate = useNavigate({ from: '/cases' });
  const list = useCaseList(toQuery(search));
  const phone = usePhone();
  const [filtersOpen, filtersToggle] = useDisclosure(false);
  const [newOpen, newCase] = useDisclosure(false);
  const canWrite = can(me, 'cases.write');
  const activeFilters = Object.keys(filtersOf(search)).length;
  const items = list.data?.items ?? [];
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const leadNames = new Map(items.map((c) => [c.leadUserId, c.leadName]));

  const go = (next: CaseSearch) => void navigate({ search: next });
  const setFilter = (key: FilterKey, value: string | undefined) =>
    go({ ...filtersOf(search), [key]: value || undefined });

  const newButton = canWrite ? (
    <Button leftSection={<Icon name="plus" size={16} />} onClick={newCase.open} data-testid="new-case">
      {t('new.open')}
    </Button>
  ) : undefined;

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
            {me && <ExportMenu search={search} isAdmin={me.role === 'admin'} />}
            {newButton}
          </Group>
        }
      />
      <Stack>
        <Card withBorder radius="md" padding="md">
          {phone && (
            <Button
              variant="subtle"
              onClick={filtersToggle.toggle}
              aria-expanded={filtersOpen}
              aria-controls="case-filters"
              justify="space-between"
              fullWidth
              mb={filtersOpen ? 'sm' : 0}
            >
              {t('filters.toggle')}
              {activeFilters > 0 && (
                <Badge ml="xs" variant="filled" size="sm">
                  {activeFilters}
                </Badge>
              )}
            </Button>
          )}
          <Collapse expanded={!phone || filtersOpen} id="case-filters">
            <Stack gap="md" component="section" aria-label={t('filters.label')}>
              <CaseFilters
                search={search}
                facets={list.data?.facets}
                canListLawyers={can(me, 'cases.read')}
                leadNames={leadNames}
                onChange={setFilter}
              />
              <Group justify="space-between" align="flex-end" gap="sm">
                {me && <SavedViews userId={me.id} search={search} onPick={go} />}
                {activeFilters > 0 && (
                  <Button variant="default" onClick={() => go({})} data-testid="clear-filters">
                    {t('filters.clear')}
                  </Button>
                )}
              </Group>
            </Stack>
          </Collapse>
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
              data-testid="cases-empty"
              title={activeFilters > 0 ? t('list.emptyFiltered') : t('list.empty')}
              description={
                activeFilters > 0 ? t('list.emptyFilteredHint') : canWrite ? t('list.emptyHint') : undefined
              }
            />
          )}
          {items.length > 0 && <CaseResults items={items} phone={phone} />}
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
              getControlProps={(control) => ({
                'aria-label': t(`pagination.${control}`),
              })}
              getItemProps={(page) => ({ 'aria-label': t('pagination.page', { page }) })}
              data-testid="cases-pagination"
            />
          </Group>
        )}
      </Stack>
      {canWrite && <NewCaseModal opened={newOpen} onClose={newCase.close} />}
    </>
  );
}
