import { TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A date that may be only partly known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A plain text field (not a
 * calendar): a documenter types what the witness remembers, and the hint says how.
 */
export function PartialDateInput({
  label,
  value,
  onChange,
  error,
  name,
  testId,
  compact = false,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | null;
  name: string;
  testId?: string;
  /** In a row of filters: the format only as the placeholder, no hint line under the label. */
  compact?: boolean;
}): ReactElement {
  const { t } = useTranslation('violations');
  return (
    <TextInput
      name={name}
      label={label}
      description={compact ? undefined : t('date.hint')}
      placeholder={compact ? t('date.compact') : t('date.placeholder')}
      title={compact ? t('date.hint') : undefined}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value.trim())}
      error={error ?? undefined}
      maxLength={10}
      autoComplete="off"
      inputMode="numeric"
      data-testid={testId ?? `date-${name}`}
    />
  );
}
