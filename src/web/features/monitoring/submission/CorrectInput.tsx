import { Checkbox, Radio, Select, Stack, TextInput, Textarea } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CORRECTABLE } from '../../../../core/forms/correctable';
import type { FormField } from '../../../../core/forms/types';
import { DayInput } from '../../../components/DayInput';
import { answerInputValue, zonedIsoFromInput } from '../../../../core/zoned-time';
import { parseNumber } from '../../field/FieldInputs';
import { pick, useLocale } from '../l10n';

/**
 * A choice whose vocabulary had no terms when the form was published (its options are snapshotted then)
 * offers nothing to pick: it is left as the observer chose.
 */
export const correctable = (f: FormField) =>
  CORRECTABLE.has(f.type) && !(f.vocabulary !== undefined && !(f.options ?? []).length);

/**
 * One answer to correct, in the reviewer's language, with the form's own labels and options. Unlike the
 * phone's inputs these sit in a dialog on a desk: a long list of options is a searchable picker.
 */
export function CorrectInput({
  field,
  value,
  onChange,
}: {
  field: FormField;
  value: unknown;
  onChange: (v: unknown) => void;
}): ReactElement | null {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const common = {
    label: pick(field.label, lng) || field.key,
    description: pick(field.hint, lng) || undefined,
    withAsterisk: !!field.required,
    'data-testid': `correct-${field.key}`,
  };
  const options = (field.options ?? []).map((o) => ({ value: o.key, label: pick(o.label, lng) || o.key }));
  switch (field.type) {
    case 'text':
      return (
        <TextInput
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'long_text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxRows={8}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      // Text, as on the phone: "1 530" and "7,5" read as numbers; anything else is refused by the form's check.
      return (
        <TextInput
          {...common}
          inputMode="decimal"
          value={typeof value === 'number' || typeof value === 'string' ? String(value) : ''}
          onChange={(e) => onChange(parseNumber(e.currentTarget.value))}
        />
      );
    case 'boolean':
      return (
        <Radio.Group
          {...common}
          value={typeof value === 'boolean' ? String(value) : null}
          onChange={(v) => onChange(v === 'true')}
        >
          <Stack gap={6} mt={4}>
            <Radio value="true" label={t('preview.yes')} />
            <Radio value="false" label={t('preview.no')} />
          </Stack>
        </Radio.Group>
      );
    case 'single_choice':
      return (
        <Select
          {...common}
          data={options}
          searchable={options.length > 7}
          clearable={!field.required}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v ?? undefined)}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'multiple_choice':
      return (
        <Checkbox.Group
          {...common}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(v) => onChange(v.length ? v : undefined)}
        >
          <Stack gap={6} mt={4}>
            {options.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'date':
      return (
        <DayInput
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
        />
      );
    case 'datetime':
      return (
        <DayInput
          withTime
          {...common}
          // On Bishkek's clock, as the answers table shows it (the stored offset is the phone's).
          value={answerInputValue(value)}
          onChange={(e) => onChange(zonedIsoFromInput(e.currentTarget.value) ?? undefined)}
        />
      );
    default:
      return null;
  }
}
