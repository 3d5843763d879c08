import { Paper, Stack } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';

/**
 * A list shown as cards, as tables become on a phone (forms, missions, sites, reports): a real list for
 * screen readers ("list, 7 items"), named by `label`, one bordered card per item.
 */
export function CardList({ label, children }: { label: string; children: ReactNode }): ReactElement {
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={label}>
      {children}
    </Stack>
  );
}

/** One card of a CardList; its content stacked with a small gap. */
export function CardItem({ testId, children }: { testId?: string; children: ReactNode }): ReactElement {
  return (
    <Paper withBorder radius="md" p="sm" component="li" data-testid={testId}>
      <Stack gap={6}>{children}</Stack>
    </Paper>
  );
}
