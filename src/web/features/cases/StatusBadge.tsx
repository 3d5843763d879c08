import { Badge } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from './api';

/** Darker than Mantine's green.9 so small white badge text passes WCAG AA (as on the users page). */
const OPEN_GREEN = '#22693a';

/** "Open" / "Closed" as a filled badge with enough contrast. */
export function StatusBadge({ status }: { status: CaseStatus }): ReactElement {
  const { t } = useTranslation('cases');
  return (
    <Badge
      variant="filled"
      color={status === 'open' ? OPEN_GREEN : 'gray.7'}
      data-testid="case-status"
      // In a table cell the label must not shrink to "АЧ…": it is short and stays whole.
      styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible' } }}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}
