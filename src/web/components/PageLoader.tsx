import { Center, Loader } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** A centred spinner with an accessible "loading" label. */
export function PageLoader({ minHeight = 200 }: { minHeight?: number | string }): ReactElement {
  const { t } = useTranslation();
  return (
    <Center mih={minHeight} role="status" aria-live="polite">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
