import { Badge } from '@mantine/core';
import type { ReactElement } from 'react';
import { useFormat } from '../../../intl/format';
import type { ReviewTab } from './search';

/**
 * The number beside a review tab: on election day a coordinator sees at once where work waits. Urgent
 * and critical reports that wait are red; an empty queue is a quiet zero, not hidden, so "none" is news.
 */
export function QueueCount({ n, k }: { n: number; k: ReviewTab }): ReactElement {
  const fmt = useFormat();
  const alarm = n > 0 && (k === 'urgent' || k === 'critical');
  return (
    <Badge
      size="sm"
      circle={n < 10}
      variant={alarm ? 'filled' : 'light'}
      color={alarm ? 'red' : 'gray'}
      data-testid={`queue-count-${k}`}
    >
      {fmt.number(n)}
    </Badge>
  );
}
