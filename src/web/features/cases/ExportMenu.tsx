import { Button, Menu } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { saveFile } from '../../components/saveFile';
import { filtersOf, type CaseSearch } from './search';

type Format = 'csv' | 'xlsx';

/**
 * Export of the filtered case list. Codes instead of names by default; administrators may ask for
 * titles and names. Every export asks for a fresh password + 2FA (the server decides, the client's
 * re-auth prompt answers) and is audited.
 */
export function ExportMenu({ search, isAdmin }: { search: CaseSearch; isAdmin: boolean }): ReactElement {
  const { t } = useTranslation('cases');
  const run = useMutation({
    mutationFn: ({ format, redacted }: { format: Format; redacted: boolean }) =>
      api.download(
        `/api/cases/export${query({ ...filtersOf(search), format, redacted: redacted ? '1' : '0' })}`,
      ),
    onSuccess: saveFile,
  });
  const item = (format: Format, redacted: boolean) => (
    <Menu.Item
      key={`${format}-${redacted ? 1 : 0}`}
      onClick={() => run.mutate({ format, redacted })}
      data-testid={`export-${format}${redacted ? '' : '-names'}`}
    >
      {t(redacted ? `listExport.${format}` : `listExport.${format}Names`)}
    </Menu.Item>
  );
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            loading={run.isPending}
            leftSection={<Icon name="download" size={16} />}
            data-testid="cases-export"
          >
            {t('listExport.open')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('listExport.redacted')}</Menu.Label>
          {item('csv', true)}
          {item('xlsx', true)}
          {isAdmin && (
            <>
              <Menu.Divider />
              <Menu.Label>{t('listExport.withNames')}</Menu.Label>
              {item('csv', false)}
              {item('xlsx', false)}
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <ErrorAlert error={run.error} />
    </>
  );
}
