import { Alert } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** A scheme's title in the UI language; the scheme id where no title is written yet (a new list). */
export function schemeTitle(t: TFunction, scheme: string): string {
  return t(`schemes.${scheme}`, { ns: 'vocab', defaultValue: scheme });
}

/** HURIDOCS asks for credit wherever its micro-thesauri are shown (reference/huridocs/SOURCE.md). */
export function HuridocsCredit(): ReactElement {
  const { t } = useTranslation('vocab');
  return (
    <Alert variant="light" color="blue" p="xs" data-testid="huridocs-credit">
      {t('credit')}
    </Alert>
  );
}
