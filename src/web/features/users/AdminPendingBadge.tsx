import { Badge } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** On a user row: their promotion to administrator waits for a second administrator. */
export function AdminPendingBadge(): ReactElement {
  const { t } = useTranslation();
  return (
    <Badge
      variant="outline"
      color="ukuk.8"
      tt="none"
      data-testid="admin-pending-badge"
      // Long in Kyrgyz and Russian: wrap on phones instead of cutting the text off.
      styles={{ root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal' } }}
    >
      {t('users.approvals.badge')}
    </Badge>
  );
}
