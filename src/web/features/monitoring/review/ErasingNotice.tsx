import { Alert, Group, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../intl/format';
import { AnchorLink } from '../../people/AnchorLink';

/**
 * Above the review list opened from an erase request on the Users page (`?erasing=`): the list shows
 * only the reports that request names, so the approver reads what they would erase, then decides there.
 */
export function ErasingNotice({ total }: { total: number | undefined }): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  return (
    <Alert color="orange" variant="light" mb="md" data-testid="erasing-notice">
      <Text size="sm">
        {total === undefined
          ? t('erase.requestView')
          : total === 0
            ? t('erase.requestGone')
            : t('erase.requestReports', { count: total, n: fmt.number(total) })}
      </Text>
      <Group gap="md" mt="xs">
        <AnchorLink to="/admin/users" size="sm" data-testid="erasing-decide">
          {t('erase.requestDecide')}
        </AnchorLink>
        <AnchorLink to="/monitoring/review" size="sm" data-testid="erasing-leave">
          {t('erase.requestLeave')}
        </AnchorLink>
      </Group>
    </Alert>
  );
}
