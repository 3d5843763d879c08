import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Input,
  NativeSelect,
  NumberInput,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isVisible } from '../../../core/forms/conditions.ts';
import type { Answers, FormField, LocationAnswer } from '../../../core/forms/types';
import { useField } from './context';
import { isoWithOffset, loc } from './live';
import { FileInput, LocationInput, SignatureInput } from './MediaInputs';

export interface InputProps {
  field: FormField;
  value: unknown;
  onChange: (v: unknown) => void;
  /** Message per answer path (`key` or `group[2].child`). */
  errors: Record<string, string>;
  path: string;
  reportId: string;
  /** The whole form's answers and the current repeat item (for conditions inside a group). */
  answers: Answers;
  scope?: Answers;
}

const LABEL = { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600 };
/** Errors too: a yes/no wrapper's error was a third smaller than a large text input's. */
const ERROR = { fontSize: 'var(--mantine-font-size-md)' };

/** Many options read better as a native picker than as a long column of radio buttons on a phone. */
const RADIO_MAX = 7;

/** datetime-local shows the device's time; the answer stores it with the UTC offset. */
function toLocalInput(iso: unknown): string {
  return typeof iso === 'string' ? iso.slice(0, 16) : '';
}

/** One question of a form, by type, with large touch targets. */
export function FieldInput(p: InputProps): ReactElement {
  const { t } = useTranslation('field');
  const { lang } = useField();
  const { field, value, onChange } = p;
  const error = p.errors[p.path];
  const common = {
    label: loc(field.label, lang),
    description: loc(field.hint, lang) || undefined,
    error,
    withAsterisk: field.required,
    // One label size for every type (text inputs of size lg would otherwise get bigger labels).
    labelProps: { style: LABEL },
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
      return (
        <NumberInput
          size="lg"
          inputMode="decimal"
          {...common}
          data-testid={testid}
          // Decimals are accepted as typed even where a whole number is asked: "7,5" must be refused by
          // the form's check ("a whole number"), never quietly turned into 75 by dropping the comma.
          allowDecimal
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? undefined : Number(v))}
        />
      );
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
        <TextInput
          size="lg"
          type="date"
          {...common}
          data-testid={testid}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
        />
      );
    case 'datetime':
      return (
        <TextInput
          size="lg"
          type="datetime-local"
          {...common}
          data-testid={testid}
          value={toLocalInput(value)}
          onChange={(e) => {
            const d = e.currentTarget.value ? new Date(e.currentTarget.value) : null;
            onChange(d && !Number.isNaN(d.getTime()) ? isoWithOffset(d) : undefined);
          }}
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

/** Whether an entry holds any answer worth asking about before it is removed. */
function hasAnswers(item: Answers): boolean {
  return Object.values(item).some(
    (v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
  );
}

/** A repeat group: one card per item, each with the group's questions; add and remove items. */
function RepeatInput(p: InputProps): ReactElement {
  const { t } = useTranslation('field');
  const { lang } = useField();
  const items = Array.isArray(p.value) ? (p.value as Answers[]) : [];
  const max = p.field.constraint?.maxItems;
  const setItem = (i: number, item: Answers) => p.onChange(items.map((x, j) => (j === i ? item : x)));
  const [removing, setRemoving] = useState<number | null>(null);
  const remove = (i: number) => {
    setRemoving(null);
    p.onChange(items.filter((_, j) => j !== i));
  };
  return (
    <Input.Wrapper
      labelProps={{ style: LABEL }}
      label={loc(p.field.label, lang)}
      description={loc(p.field.hint, lang) || undefined}
      error={p.errors[p.path]}
      withAsterisk={p.field.required}
    >
      <Stack gap="sm" mt={6}>
        {items.map((item, i) => (
          <Card key={i} withBorder padding="sm">
            <Stack gap="sm">
              <Group justify="space-between">
                <Text fw={600}>{t('repeat.item', { n: i + 1 })}</Text>
                <Button
                  variant="subtle"
                  color="red"
                  disabled={removing === i}
                  // An entry with answers is asked about first: one stray tap must not lose it.
                  onClick={() => (hasAnswers(item) ? setRemoving(i) : remove(i))}
                  data-testid={`remove-${p.path}[${i}]`}
                >
                  {t('repeat.remove')}
                </Button>
              </Group>
              {removing === i && (
                <Alert color="red" p="xs" data-testid={`remove-confirm-${p.path}[${i}]`}>
                  <Stack gap="xs">
                    <Text size="sm">{t('repeat.remove_confirm', { n: i + 1 })}</Text>
                    <Group grow>
                      <Button variant="default" onClick={() => setRemoving(null)}>
                        {t('repeat.keep')}
                      </Button>
                      <Button
                        color="red"
                        onClick={() => remove(i)}
                        data-testid={`remove-yes-${p.path}[${i}]`}
                      >
                        {t('repeat.remove')}
                      </Button>
                    </Group>
                  </Stack>
                </Alert>
              )}
              {(p.field.fields ?? [])
                .filter((ch) => isVisible(ch.visibleIf, p.answers, item))
                .map((ch) => (
                  <FieldInput
                    key={ch.key}
                    field={ch}
                    value={item[ch.key]}
                    onChange={(v) => setItem(i, { ...item, [ch.key]: v })}
                    errors={p.errors}
                    path={`${p.path}[${i}].${ch.key}`}
                    reportId={p.reportId}
                    answers={p.answers}
                    scope={item}
                  />
                ))}
            </Stack>
          </Card>
        ))}
        <Button
          variant="light"
          size="md"
          disabled={max !== undefined && items.length >= max}
          onClick={() => p.onChange([...items, {}])}
          data-testid={`add-${p.path}`}
        >
          {t('repeat.add')}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
