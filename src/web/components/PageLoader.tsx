import { Box, Center, Loader, VisuallyHidden } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A spinner that a screen reader announces as `label`. The label is hidden text inside a status
 * region, not an aria-label on the spinner: the spinner has no role, and axe refuses an aria-label
 * on an element without one (it is not read out by every screen reader either).
 */
export function Spinner({ label }: { label: string }): ReactElement {
  return (
    <Box role="status" aria-live="polite">
      <Loader aria-hidden />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Box>
  );
}

/** A centred spinner with an accessible "loading" label. */
export function PageLoader({ minHeight = 200 }: { minHeight?: number | string }): ReactElement {
  const { t } = useTranslation();
  return (
    <Center mih={minHeight}>
      <Spinner label={t('common.loading')} />
    </Center>
  );
}
