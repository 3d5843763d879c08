import { Alert, Button, Card, Group, Input, Stack, Text } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isVisible } from '../../../core/forms/conditions.ts';
import { entryNoun } from '../../../core/forms/messages.ts';
import type { Answers } from '../../../core/forms/types';
import { useField } from './context';
import { FieldInput, type InputProps } from './FieldInputs';
import { HINT, LABEL } from './fieldStyles';
import { loc } from './live';

/** Whether an entry holds any answer worth asking about before it is removed. */
function hasAnswers(item: Answers): boolean {
  return Object.values(item).some(
    (v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
  );
}

/** A repeat group: one card per item, each with the group's questions; add and remove items. */
export function RepeatInput(p: InputProps): ReactElement {
  const { t } = useTranslation('field');
  const { lang } = useField();
  const items = Array.isArray(p.value) ? (p.value as Answers[]) : [];
  const max = p.field.constraint?.maxItems;
  const setItem = (i: number, item: Answers) => p.onChange(items.map((x, j) => (j === i ? item : x)));
  const [removing, setRemoving] = useState<number | null>(null);
  const noun = entryNoun(p.field, lang);
  const title = (n: number) => (noun ? t('repeat.item_named', { noun, n }) : t('repeat.item', { n }));
  const remove = (i: number) => {
    setRemoving(null);
    p.onChange(items.filter((_, j) => j !== i));
  };
  return (
    <Input.Wrapper
      labelProps={{ style: LABEL }}
      descriptionProps={{ style: HINT }}
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
                <Text fw={600}>{title(i + 1)}</Text>
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
                    <Text size="sm">
                      {noun
                        ? t('repeat.remove_confirm_named', { item: title(i + 1) })
                        : t('repeat.remove_confirm', { n: i + 1 })}
                    </Text>
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
                    notes={p.notes}
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
          {noun ? t('repeat.add_named', { noun }) : t('repeat.add')}
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
