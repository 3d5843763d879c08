import { Badge, Fieldset, Text, TextInput, Textarea } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { L10n } from '../../../../core/forms/types';
import { LANGS } from '../l10n';

/**
 * One text in ky / ru / en side by side (stacked on a phone), grouped under one legend; an empty
 * language is marked "missing translation" so a coordinator sees at a glance what still needs a
 * translator. Each input is labelled by its language only: "Форманын аталышы · кыргызча" three times
 * wrapped to two lines in some columns and not others, so the three inputs no longer lined up.
 * How they are laid out depends on the room the text has, not the screen (app.css, `.l10n-inputs`):
 * beside the builder's preview at 1280 px a question's three inputs were 130 px each, too narrow to
 * read a sentence; there they go one under another, each language named beside its input.
 */
export function L10nInputs({
  label,
  value,
  onChange,
  multiline,
  required,
  errors,
  error,
  testId,
}: {
  label: string;
  value: L10n | undefined;
  onChange: (v: L10n) => void;
  multiline?: boolean;
  /** Every empty language of a required text (labels) is where the publish dialog sends the cursor; the badge shows only on a partly translated text. */
  required?: boolean;
  errors?: Partial<Record<keyof L10n, string>>;
  /** A problem of the text as a whole (none of the languages filled in): said under the three inputs. */
  error?: string;
  testId?: string;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const v = value ?? { ky: '', ru: '', en: '' };
  const any = LANGS.some((l) => v[l].trim());
  const Input = multiline ? Textarea : TextInput;
  return (
    <Fieldset
      variant="unstyled"
      legend={label}
      styles={{ legend: { fontWeight: 600, marginBottom: 'var(--mantine-spacing-xs)' } }}
    >
      <div className="l10n-inputs">
        <div className="l10n-grid">
          {LANGS.map((l) => {
            const missing = !v[l].trim() && (required || any);
            return (
              <Input
                key={l}
                classNames={{ root: 'l10n-input' }}
                label={t(`builder.langLabel.${l}`)}
                labelProps={{ style: { fontWeight: 400 } }}
                // Under the input, not inside it: there a long Kyrgyz or Russian word was cut to
                // "Котормосу ж…" on a phone. Not in the label either: when it goes away with the first
                // letter typed, only what is below moves, never the input under the finger.
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                // "Missing translation" only once the text is written in some language: on an empty new
                // form every input said so, though nothing was there to translate yet.
                description={
                  missing && any ? (
                    <Badge component="span" size="xs" color="orange" variant="light" tt="none">
                      {t('builder.missing')}
                    </Badge>
                  ) : undefined
                }
                value={v[l]}
                lang={l}
                autosize={multiline ? true : undefined}
                minRows={multiline ? 1 : undefined}
                maxLength={500}
                error={errors?.[l] ?? (error ? true : undefined)}
                data-testid={testId ? `${testId}-${l}` : undefined}
                // Where "Go back and translate" in the publish dialog puts the cursor (PublishDialog).
                data-l10n-missing={missing || undefined}
                onChange={(e) => onChange({ ...v, [l]: e.currentTarget.value })}
              />
            );
          })}
        </div>
      </div>
      {error && (
        <Text size="sm" c="red.8" role="alert" mt={4} data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </Text>
      )}
    </Fieldset>
  );
}
