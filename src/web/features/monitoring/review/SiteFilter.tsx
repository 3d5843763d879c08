import { Alert, Button, Group, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { siteContext } from '../siteWords';

/**
 * The review list narrowed to one site (from the sites tab's "N reports" link), and the way back to all
 * reports. The site's name comes from its reports; with none listed it is worded by the mission's kind.
 */
export function SiteFilter({
  name,
  kind,
  onClear,
}: {
  name: string | null;
  kind: string | undefined;
  onClear: () => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <Alert variant="light" color="blue" p="xs" data-testid="review-site-filter">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {name ? t('review.siteFilter', { site: name }) : t('review.siteFilterUnnamed', siteContext(kind))}
        </Text>
        <Button size="compact-sm" variant="subtle" onClick={onClear} data-testid="review-site-clear">
          {t('review.siteFilterClear')}
        </Button>
      </Group>
    </Alert>
  );
}
