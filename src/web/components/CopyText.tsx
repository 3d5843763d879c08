import { Button, CopyButton } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons';

/** A copy-to-clipboard button that confirms with "Copied". */
export function CopyText({ value, label }: { value: string; label?: string }): ReactElement {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          variant="default"
          leftSection={<Icon name={copied ? 'check' : 'copy'} size={16} />}
          onClick={copy}
          aria-live="polite"
        >
          {copied ? t('common.copied') : (label ?? t('common.copy'))}
        </Button>
      )}
    </CopyButton>
  );
}
