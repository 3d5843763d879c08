import { Button, Group } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** "Back" and "Save and continue" under a step. */
export function StepActions({
  onBack,
  loading,
  submitLabel,
  disabled,
}: {
  onBack?: () => void;
  loading?: boolean;
  submitLabel?: string;
  disabled?: boolean;
}): ReactElement {
  const { t } = useTranslation('intake');
  return (
    <Group justify="space-between" mt="md">
      {onBack ? (
        <Button variant="default" onClick={onBack}>
          {t('actions.back')}
        </Button>
      ) : (
        <span />
      )}
      <Button type="submit" loading={loading} disabled={disabled} data-testid="step-submit">
        {submitLabel ?? t('actions.saveContinue')}
      </Button>
    </Group>
  );
}
