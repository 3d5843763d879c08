import {
  Checkbox,
  Input,
  NativeSelect,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
  Textarea,
  type InputWrapperProps,
  type MantineSize,
  type MantineSpacing,
} from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { textMaxLength } from '../../core/forms/answers';
import type { ChoiceOption, FormField } from '../../core/forms/types';
import { answerInputValue, zonedIsoFromInput } from '../../core/zoned-time';
import { DayInput } from './DayInput';

/**
 * How one view shows the simple questions. The observer's phone, the builder's preview, the public
 * form and the reviewer's correction dialog differ on purpose (a phone wants big targets, a desk a
 * searchable picker), so each view keeps its whole look in one object rather than in scattered props.
 */
export interface QuestionLook {
  /** Inputs, pickers and the yes/no control; Mantine's default size when absent. */
  size?: MantineSize;
  /** Radio buttons and check boxes. */
  itemSize?: MantineSize;
  /** Between the options of a list, and above the first. */
  gap: MantineSpacing;
  mt: number;
  rows: { minRows: number; maxRows?: number };
  /**
   * `spinner`: Mantine's number input. `typed`: a text box that keeps what was typed ("7,5", "1 530")
   * while the answer is its number. `echo`: a text box that shows the answer back as it is read.
   */
  number: 'spinner' | 'typed' | 'echo';
  boolean: 'segmented' | 'radios';
  /** `radios-or-native`: radio buttons up to MANY options and a native picker above. */
  pickOne: 'radios' | 'radios-or-native' | 'select';
  /** Unticking the last box answers [] as the control gives it, or nothing. */
  emptyList: 'array' | 'none';
  /** Dates as the input gives them ('' when empty, a date-time without its zone). */
  rawDates?: boolean;
}

/** Label, hint, error and asterisk: each view words and styles its own. */
export type QuestionWrapper = Pick<
  InputWrapperProps,
  | 'label'
  | 'description'
  | 'error'
  | 'required'
  | 'withAsterisk'
  | 'labelProps'
  | 'descriptionProps'
  | 'errorProps'
>;

export interface SimpleFieldInputProps {
  field: FormField;
  value: unknown;
  onChange: (v: unknown) => void;
  look: QuestionLook;
  wrapper: QuestionWrapper;
  /** In the view's catalog and language; `choose` is the native picker's empty line. */
  words: { yes: string; no: string; choose?: string };
  optionLabel: (o: ChoiceOption) => string;
  /** On the control; with `optionTestIds`, `<testId>-<option key>` on each radio button and box too. */
  testId?: string;
  optionTestIds?: boolean;
}

/** More options than a glance takes in: a picker (searchable on a desk) reads better than a column. */
const MANY = 7;

/**
 * A number as typed: "7,5" and "7.5" are both 7.5, whatever way the text arrives (keys, an Android
 * keyboard's whole-word commit, voice input, autofill). Text that is not a number is kept as text, so
 * the form's check refuses it ("wrong form"); nothing is ever silently turned into another number.
 */
function parseNumber(raw: string): number | string | undefined {
  const text = raw.replace(/\s/g, '');
  if (text === '') return undefined;
  const dotted = text.replace(',', '.');
  return /^[-+]?\d+(\.\d+)?$/.test(dotted) ? Number(dotted) : raw;
}

const asText = (v: unknown) => (typeof v === 'string' ? v : '');

type Choice = { value: string; label: string };

/**
 * One question of the types every form view shows alike: text, long text, number, yes/no, choices
 * and dates; null for the others (places, files, signatures, repeat groups), which each view draws itself.
 */
export function SimpleFieldInput(p: SimpleFieldInputProps): ReactElement | null {
  switch (p.field.type) {
    case 'text':
    case 'long_text':
      return <TextAnswer {...p} />;
    case 'number':
      return p.look.number === 'spinner' ? <SpinnerNumber {...p} /> : <TypedNumber {...p} />;
    case 'boolean':
      return <YesNo {...p} />;
    case 'single_choice':
      return <PickOne {...p} />;
    case 'multiple_choice':
      return <PickMany {...p} />;
    case 'date':
    case 'datetime':
      return <DateAnswer {...p} />;
    default:
      return null;
  }
}

function TextAnswer({ field, value, onChange, look, wrapper, testId }: SimpleFieldInputProps): ReactElement {
  // As long as the answer may be (core/forms): a longer one would be typed only to be refused.
  const limit = textMaxLength(field as FormField & { type: 'text' | 'long_text' });
  const common = {
    size: look.size,
    ...wrapper,
    'data-testid': testId,
    value: asText(value),
    maxLength: limit,
  };
  if (field.type === 'text')
    return <TextInput {...common} onChange={(e) => onChange(e.currentTarget.value)} />;
  return <Textarea {...common} autosize {...look.rows} onChange={(e) => onChange(e.currentTarget.value)} />;
}

function SpinnerNumber({ value, onChange, look, wrapper, testId }: SimpleFieldInputProps): ReactElement {
  return (
    <NumberInput
      size={look.size}
      {...wrapper}
      data-testid={testId}
      value={typeof value === 'number' ? value : ''}
      onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
    />
  );
}

/** Text, so that "1 530" and "7,5" read as numbers; anything else is refused by the form's check. */
function TypedNumber({ value, onChange, look, wrapper, testId }: SimpleFieldInputProps): ReactElement {
  const shown = typeof value === 'number' ? String(value) : asText(value);
  const [typed, setTyped] = useState(shown);
  return (
    <TextInput
      size={look.size}
      inputMode="decimal"
      {...wrapper}
      data-testid={testId}
      value={look.number === 'typed' ? typed : shown}
      onChange={(e) => {
        setTyped(e.currentTarget.value);
        onChange(parseNumber(e.currentTarget.value));
      }}
    />
  );
}

function YesNo({ value, onChange, look, wrapper, words, testId }: SimpleFieldInputProps): ReactElement {
  const chosen = value === true ? 'yes' : value === false ? 'no' : '';
  const options = [
    { value: 'yes', label: words.yes },
    { value: 'no', label: words.no },
  ];
  if (look.boolean === 'segmented')
    return (
      <Input.Wrapper {...wrapper}>
        <SegmentedControl
          fullWidth
          size={look.size}
          mt={4}
          data-testid={testId}
          value={chosen}
          data={options}
          onChange={(v) => onChange(v === 'yes')}
        />
      </Input.Wrapper>
    );
  return (
    <Radio.Group {...wrapper} data-testid={testId} value={chosen} onChange={(v) => onChange(v === 'yes')}>
      <Items item={Radio} look={look} options={options} />
    </Radio.Group>
  );
}

const choicesOf = (p: SimpleFieldInputProps): Choice[] =>
  (p.field.options ?? []).map((o) => ({ value: o.key, label: p.optionLabel(o) }));
const optionTestIdOf = ({ optionTestIds, testId }: SimpleFieldInputProps) =>
  optionTestIds && testId !== undefined ? (key: string) => `${testId}-${key}` : undefined;

/** A column of radio buttons (inside a Radio.Group) or check boxes (inside a Checkbox.Group). */
function Items(p: {
  item: typeof Radio | typeof Checkbox;
  look: QuestionLook;
  options: Choice[];
  testIdOf?: (key: string) => string;
}): ReactElement {
  const Item = p.item;
  return (
    <Stack gap={p.look.gap} mt={p.look.mt}>
      {p.options.map((o) => (
        <Item
          key={o.value}
          size={p.look.itemSize}
          value={o.value}
          label={o.label}
          data-testid={p.testIdOf?.(o.value)}
        />
      ))}
    </Stack>
  );
}

function PickOne(p: SimpleFieldInputProps): ReactElement {
  const { field, value, onChange, look, wrapper, testId } = p;
  const options = choicesOf(p);
  if (look.pickOne === 'select')
    return (
      <Select
        size={look.size}
        {...wrapper}
        data-testid={testId}
        data={options}
        searchable={options.length > MANY}
        clearable={!field.required}
        value={typeof value === 'string' ? value : null}
        onChange={(v) => onChange(v ?? undefined)}
        comboboxProps={{ withinPortal: true }}
      />
    );
  if (look.pickOne === 'radios-or-native' && options.length > MANY)
    return (
      <NativeSelect
        size={look.size}
        {...wrapper}
        data-testid={testId}
        value={asText(value)}
        data={[{ value: '', label: p.words.choose ?? '' }, ...options]}
        onChange={(e) => onChange(e.currentTarget.value || undefined)}
      />
    );
  return (
    <Radio.Group {...wrapper} data-testid={testId} value={asText(value)} onChange={(v) => onChange(v)}>
      <Items item={Radio} look={look} options={options} testIdOf={optionTestIdOf(p)} />
    </Radio.Group>
  );
}

function PickMany(p: SimpleFieldInputProps): ReactElement {
  const { value, onChange, look, wrapper, testId } = p;
  return (
    <Checkbox.Group
      {...wrapper}
      data-testid={testId}
      value={Array.isArray(value) ? (value as string[]) : []}
      onChange={(v) => onChange(v.length || look.emptyList === 'array' ? v : undefined)}
    >
      <Items item={Checkbox} look={look} options={choicesOf(p)} testIdOf={optionTestIdOf(p)} />
    </Checkbox.Group>
  );
}

function DateAnswer({ field, value, onChange, look, wrapper, testId }: SimpleFieldInputProps): ReactElement {
  const withTime = field.type === 'datetime';
  const answer = (typed: string) => {
    if (look.rawDates) return typed;
    // Bishkek time whatever zone the device is set to, as every other screen shows it.
    return (withTime ? zonedIsoFromInput(typed) : typed) || undefined;
  };
  return (
    <DayInput
      withTime={withTime}
      size={look.size}
      {...wrapper}
      data-testid={testId}
      value={withTime && !look.rawDates ? answerInputValue(value) : asText(value)}
      onChange={(e) => onChange(answer(e.currentTarget.value))}
    />
  );
}
