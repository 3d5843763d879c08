import { Alert, Button, Group, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../intl/format';

/**
 * Said when the tab's count (refreshed every half minute) no longer matches the list on the screen:
 * new reports came in, or others left the queue. The list itself is not refreshed under the reviewer's
 * hand — rows moving down as a report arrives would put a tap meant for one report on another — but
 * waits for "Show".
 */
export function QueueChanged({ more, onShow }: { more: number; onShow: () => void }): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  return (
    <Alert color="blue" variant="light" p="xs" role="status" data-testid="queue-changed">
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          {more > 0 ? t('review.newReports', { count: more, n: fmt.number(more) }) : t('review.queueChanged')}
        </Text>
        <Button size="xs" variant="light" onClick={onShow} data-testid="queue-changed-show">
          {t('review.showChanges')}
        </Button>
      </Group>
    </Alert>
  );
}
