import { Pagination, type PaginationProps } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's Pagination with translated names on its arrow buttons and page numbers: without them a
 * screen reader announces four unnamed buttons (axe: button-name).
 */
export function AppPagination(props: PaginationProps): ReactElement {
  const { t } = useTranslation();
  return (
    <Pagination
      getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
      getItemProps={(page) => ({ 'aria-label': t('pagination.page', { page }) })}
      {...props}
    />
  );
}
