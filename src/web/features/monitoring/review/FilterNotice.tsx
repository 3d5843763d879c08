import { Alert, Button, Group, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The review list narrowed by a link — to one site (the sites tab's "N reports"), to reports whose
 * phone clock was wrong (the dashboard's "not on the chart") — saying so, and the way back to all
 * reports. `testId` names the notice (`-filter`) and its button (`-clear`).
 */
export function FilterNotice({
  text,
  testId,
  onClear,
}: {
  text: string;
  testId: string;
  onClear: () => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <Alert variant="light" color="blue" p="xs" data-testid={`${testId}-filter`}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {text}
        </Text>
        <Button size="compact-sm" variant="subtle" onClick={onClear} data-testid={`${testId}-clear`}>
          {t('review.siteFilterClear')}
        </Button>
      </Group>
    </Alert>
  );
}
