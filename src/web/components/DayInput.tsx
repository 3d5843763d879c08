import { Text, TextInput, type TextInputProps } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { spellDay } from '../intl/spell-day';

/**
 * A native date (or date-and-time) input that also writes the chosen day out in the app's language
 * under it. The browser shows the value in its own locale's order, not the app's: an English browser
 * in Bishkek shows 4 December as 12/04/2026, which a Kyrgyz or Russian reader takes for 12 April.
 * Native inputs stay: a phone's own date wheel is what an observer in the field knows how to use.
 */
export function DayInput({
  withTime = false,
  ...props
}: TextInputProps & { withTime?: boolean }): ReactElement {
  const { i18n } = useTranslation();
  const spelled = spellDay(i18n.resolvedLanguage ?? i18n.language, props.value);
  const testId = (props as { 'data-testid'?: string })['data-testid'];
  return (
    <TextInput
      {...props}
      type={withTime ? 'datetime-local' : 'date'}
      inputContainer={(input) => (
        <>
          {input}
          {spelled && (
            <Text
              size={props.size === 'lg' ? 'sm' : 'xs'}
              c="dimmed"
              mt={4}
              data-testid={testId ? `${testId}-spelled` : undefined}
            >
              {spelled}
            </Text>
          )}
        </>
      )}
    />
  );
}
