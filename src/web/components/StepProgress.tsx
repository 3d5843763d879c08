import { Progress, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';

/**
 * A compact "step n of total" bar for a phone, where a stepper's six labels would fill the first
 * screen and push the form below it. With `showLabel` the words are printed above the bar and the bar
 * is decoration; without it (where a heading already names the step) the bar carries `label` as its
 * accessible name, so a screen reader still hears where in the sequence the person is.
 */
export function StepProgress({
  active,
  total,
  label,
  showLabel = false,
  testId,
}: {
  /** The open step, counted from 0. */
  active: number;
  total: number;
  label: string;
  showLabel?: boolean;
  testId?: string;
}): ReactElement {
  const n = Math.min(active + 1, total);
  // The bar's own aria values would say "33%": a person counts steps, not percent.
  const a11y = showLabel
    ? { 'aria-hidden': true }
    : {
        role: 'progressbar',
        'aria-label': label,
        'aria-valuemin': 1,
        'aria-valuemax': total,
        'aria-valuenow': n,
        'aria-valuetext': label,
      };
  return (
    <Stack gap={6} data-testid={testId}>
      {showLabel && (
        <Text size="sm" fw={600}>
          {label}
        </Text>
      )}
      <Progress.Root size="sm" {...a11y}>
        <Progress.Section value={(n / total) * 100} withAria={false} />
      </Progress.Root>
    </Stack>
  );
}
