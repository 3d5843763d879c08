import {
  Checkbox,
  Input,
  NativeSelect,
  Radio,
  SegmentedControl,
  Stack,
  TextInput,
  type TextInputProps,
  Textarea,
} from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, FormField, LocationAnswer } from '../../../core/forms/types';
import { useField } from './context';
import { ERROR, HINT, LABEL, NOTE } from './fieldStyles';
import { answerInputValue, zonedIsoFromInput } from '../../../core/zoned-time';
import { loc } from './live';
import { FileInput, LocationInput, SignatureInput } from './MediaInputs';
import { RepeatInput } from './RepeatInput';
import { DayInput } from '../../components/DayInput';

export interface InputProps {
  field: FormField;
  value: unknown;
  onChange: (v: unknown) => void;
  /** Message per answer path (`key` or `group[2].child`). */
  errors: Record<string, string>;
  /** An answer that does not add up with an earlier one (a checking rule): said, not refused. */
  notes: Record<string, string>;
  path: string;
  reportId: string;
  /** The whole form's answers and the current repeat item (for conditions inside a group). */
  answers: Answers;
  scope?: Answers;
}

/** Many options read better as a native picker than as a long column of radio buttons on a phone. */
const RADIO_MAX = 7;

/** datetime-local shows the device's time; the answer stores it with the UTC offset. */
/**
 * A number as typed: "7,5" and "7.5" are both 7.5, whatever way the text arrives (keys, an Android
 * keyboard's whole-word commit, voice input, autofill). Text that is not a number is kept as text, so
 * the form's check refuses it ("wrong form"); nothing is ever silently turned into another number.
 */
export function parseNumber(raw: string): number | string | undefined {
  const text = raw.replace(/\s/g, '');
  if (text === '') return undefined;
  const dotted = text.replace(',', '.');
  return /^[-+]?\d+(\.\d+)?$/.test(dotted) ? Number(dotted) : raw;
}

function NumberAnswer(
  p: Omit<TextInputProps, 'value' | 'onChange'> & {
    testid: string;
    value: unknown;
    onChange: (v: unknown) => void;
  },
): ReactElement {
  const { testid, value, onChange, ...common } = p;
  const [text, setText] = useState(
    typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '',
  );
  return (
    <TextInput
      size="lg"
      inputMode="decimal"
      {...common}
      data-testid={testid}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(parseNumber(e.currentTarget.value));
      }}
    />
  );
}

/** One question of a form, by type, with large touch targets. */
export function FieldInput(p: InputProps): ReactElement {
  const { t } = useTranslation('field');
  const { lang } = useField();
  const { field, value, onChange } = p;
  const error = p.errors[p.path];
  const note = p.notes[p.path];
  const hint = loc(field.hint, lang);
  const common = {
    label: loc(field.label, lang),
    description: note ? (
      <>
        {hint && <span style={{ display: 'block' }}>{hint}</span>}
        <span style={NOTE} data-testid={`note-${p.path}`}>
          {note}
        </span>
      </>
    ) : (
      hint || undefined
    ),
    error,
    withAsterisk: field.required,
    // One label size for every type (text inputs of size lg would otherwise get bigger labels).
    labelProps: { style: LABEL },
    descriptionProps: { style: HINT },
    errorProps: { style: ERROR },
  };
  const testid = `q-${p.path}`;
  switch (field.type) {
    case 'text':
      return (
        <TextInput
          size="lg"
          {...common}
          data-testid={testid}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'long_text':
      return (
        <Textarea
          size="lg"
          autosize
          minRows={3}
          {...common}
          data-testid={testid}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return <NumberAnswer {...common} testid={testid} value={value} onChange={onChange} />;
    case 'boolean':
      return (
        <Input.Wrapper {...common}>
          <SegmentedControl
            fullWidth
            size="lg"
            mt={4}
            data-testid={testid}
            value={value === true ? 'yes' : value === false ? 'no' : ''}
            data={[
              { value: 'yes', label: t('yes') },
              { value: 'no', label: t('no') },
            ]}
            onChange={(v) => onChange(v === 'yes')}
          />
        </Input.Wrapper>
      );
    case 'single_choice': {
      const options = field.options ?? [];
      if (options.length > RADIO_MAX)
        return (
          <NativeSelect
            size="lg"
            {...common}
            data-testid={testid}
            value={typeof value === 'string' ? value : ''}
            data={[
              { value: '', label: t('choose') },
              ...options.map((o) => ({ value: o.key, label: loc(o.label, lang) })),
            ]}
            onChange={(e) => onChange(e.currentTarget.value || undefined)}
          />
        );
      return (
        <Radio.Group
          {...common}
          data-testid={testid}
          value={typeof value === 'string' ? value : ''}
          onChange={(v) => onChange(v)}
        >
          <Stack gap="sm" mt={6}>
            {options.map((o) => (
              <Radio
                key={o.key}
                size="lg"
                value={o.key}
                label={loc(o.label, lang)}
                data-testid={`${testid}-${o.key}`}
              />
            ))}
          </Stack>
        </Radio.Group>
      );
    }
    case 'multiple_choice':
      return (
        <Checkbox.Group
          {...common}
          data-testid={testid}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(v) => onChange(v)}
        >
          <Stack gap="sm" mt={6}>
            {(field.options ?? []).map((o) => (
              <Checkbox
                key={o.key}
                size="lg"
                value={o.key}
                label={loc(o.label, lang)}
                data-testid={`${testid}-${o.key}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'date':
      return (
        <DayInput
          size="lg"
          {...common}
          data-testid={testid}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
        />
      );
    case 'datetime':
      return (
        <DayInput
          withTime
          size="lg"
          {...common}
          data-testid={testid}
          // Bishkek time whatever zone the phone is set to, as every other screen shows it.
          value={answerInputValue(value)}
          onChange={(e) => onChange(zonedIsoFromInput(e.currentTarget.value) ?? undefined)}
        />
      );
    case 'location':
      return (
        <LocationInput
          field={field}
          value={value as LocationAnswer | undefined}
          onChange={onChange}
          error={error}
          path={p.path}
        />
      );
    case 'file':
      return (
        <FileInput
          field={field}
          value={value as string | undefined}
          onChange={onChange}
          error={error}
          reportId={p.reportId}
          path={p.path}
        />
      );
    case 'signature':
      return (
        <SignatureInput
          field={field}
          value={value as string | undefined}
          onChange={onChange}
          error={error}
          reportId={p.reportId}
          path={p.path}
        />
      );
    case 'repeat':
      return <RepeatInput {...p} />;
  }
}
