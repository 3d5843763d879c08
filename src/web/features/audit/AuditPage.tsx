import { Badge, Button, Card, Collapse, EmptyState, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { usePhone } from '../../components/usePhone';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { useAuditLog } from './queries';
import type { AuditSearch } from './search';
import { VerifyChain } from './VerifyChain';

/** Admin view of the hash-chained audit log: filters, cursor paging and chain verification. */
export function AuditPage(): ReactElement {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/admin/audit' });
  const navigate = useNavigate({ from: '/admin/audit' });
  const log = useAuditLog(search);
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];

  const apply = (s: AuditSearch) => void navigate({ search: s });
  const phone = usePhone();
  const [filtersOpen, filters] = useDisclosure(false);
  const activeFilters = Object.keys(search).length;
  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} actions={<VerifyChain />} />
      <Stack>
        <Card withBorder radius="md" padding="md">
          {phone && (
            <Button
              variant="subtle"
              onClick={filters.toggle}
              aria-expanded={filtersOpen}
              aria-controls="audit-filters"
              justify="space-between"
              fullWidth
            >
              {t('audit.filters.toggle')}
              {activeFilters > 0 && (
                <Badge ml="xs" variant="filled" size="sm">
                  {activeFilters}
                </Badge>
              )}
            </Button>
          )}
          <Collapse expanded={!phone || filtersOpen} id="audit-filters">
            <AuditFilters key={JSON.stringify(search)} value={search} onApply={apply} />
          </Collapse>
        </Card>
        <Card withBorder radius="md" padding={0}>
          {log.isPending && <PageLoader />}
          {log.error && (
            <Stack p="md">
              <ErrorAlert error={log.error} />
            </Stack>
          )}
          {log.data && entries.length === 0 && (
            <EmptyState
              p="xl"
              title={activeFilters > 0 ? t('audit.emptyFiltered') : t('audit.empty')}
              description={activeFilters > 0 ? t('audit.emptyFilteredHint') : undefined}
            />
          )}
          {entries.length > 0 && <AuditTable entries={entries} />}
        </Card>
        {entries.length > 0 && (
          <Group justify="space-between">
            <Text size="sm" c="dimmed" role="status">
              {t('audit.shown', { count: entries.length })}
            </Text>
            {log.hasNextPage && (
              <Button
                variant="default"
                loading={log.isFetchingNextPage}
                onClick={() => void log.fetchNextPage()}
                data-testid="audit-load-more"
              >
                {t('audit.loadMore')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </>
  );
}
