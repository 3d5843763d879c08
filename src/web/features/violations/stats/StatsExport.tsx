import { Button, Checkbox, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Icon } from '../../../components/icons';
import { saveFile } from '../../../components/saveFile';
import { vstatsApi } from './api';
import type { StatsFilters } from './search';

type Format = 'csv' | 'xlsx';

/**
 * CSV/XLSX of the filtered records. Codes and numbers only by default; "include names" asks the
 * server for names and titles, which it grants only after a fresh password + 2FA (the re-auth prompt
 * opens by itself) and audits.
 */
export function StatsExport({ filters }: { filters: StatsFilters }): ReactElement {
  const { t } = useTranslation('vstats');
  const [names, setNames] = useState(false);
  const run = useMutation({
    mutationFn: (format: Format) => vstatsApi.export(filters, format, !names),
    onSuccess: saveFile,
  });
  const button = (format: Format) => (
    <Button
      variant="default"
      loading={run.isPending && run.variables === format}
      disabled={run.isPending}
      leftSection={<Icon name="download" size={16} />}
      onClick={() => run.mutate(format)}
      data-testid={`vstats-export-${format}`}
    >
      {t(`export.${format}`)}
    </Button>
  );
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap">
        {button('csv')}
        {button('xlsx')}
      </Group>
      <Checkbox
        size="sm"
        label={t('export.includeNames')}
        description={t('export.includeNamesHint')}
        checked={names}
        onChange={(e) => setNames(e.currentTarget.checked)}
        data-testid="vstats-export-names"
      />
      <ErrorAlert error={run.error} />
    </Stack>
  );
}
