import { Badge, Button, Card, Group, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldType, FormDefinition, FormField } from '../../../../core/forms/types';
import { FIELD_KEY_RE } from '../../../../core/forms/limits';
import { emptyL10n } from '../l10n';
import { useFold } from './collapse';
import { CompareEditor } from './CompareEditor';
import { ConditionEditor } from './ConditionEditor';
import { move, replaceAt } from './definition';
import { AddFieldMenu, Constraints } from './FieldParts';
import { FieldSummary, FoldButton } from './FieldSummary';
import { L10nInputs } from './L10nInputs';
import { MoveButtons } from './MoveButtons';
import { OptionsEditor } from './OptionsEditor';
import { useRemove } from './removal';

/** The server's definition issues as messages: at one path, or anywhere under a path but not shown elsewhere. */
export interface IssueLookup {
  at: (path: string) => string[];
  /** Issues under `path` except those at the `shown` paths and those of nested fields. */
  rest: (path: string, shown: string[]) => string[];
  /** How many issues are at `path` or anywhere under it (its options, a group's questions). */
  under: (path: string) => number;
}

const CHOICE: FieldType[] = ['single_choice', 'multiple_choice'];

/** One question of the form: key, texts in three languages, rules, and (repeat) its child questions. */
export function FieldEditor({
  def,
  field,
  index,
  count,
  path,
  candidates,
  issues,
  onChange,
  onMove,
  onRemove,
}: {
  /** The whole form, to name other questions (a comparison's) by their labels. */
  def: FormDefinition;
  field: FormField;
  index: number;
  count: number;
  /** Definition path of this field (`sections.0.fields.2`), to place the server's issues. */
  path: string;
  candidates: FormField[];
  issues: IssueLookup;
  onChange: (f: FormField) => void;
  onMove: (dir: -1 | 1) => void;
  onRemove: () => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const remove = useRemove();
  const [hint, setHint] = useState(!!field.hint);
  const testId = `field-${field.key}`;
  const children = field.fields ?? [];
  const langs = ['ky', 'ru', 'en'] as const;
  const shown = ['key', ...['label', 'hint', 'itemLabel'].flatMap((k) => langs.map((l) => `${k}.${l}`))].map(
    (p) => `${path}.${p}`,
  );
  const own = issues.rest(path, shown);
  const fold = useFold();
  const problems = issues.under(path);
  // A question the server found a problem in opens (once: the designer may fold it again), so the
  // marked input is in sight.
  useEffect(() => {
    if (problems > 0) fold.unfold(field.key);
  }, [problems]);
  const moveButtons = (
    <MoveButtons
      index={index}
      count={count}
      onMove={onMove}
      onRemove={onRemove}
      removeLabel={t('builder.removeField')}
      testId={testId}
    />
  );
  if (fold.isFolded(field.key))
    return (
      <Card
        withBorder
        padding="xs"
        radius="md"
        data-testid={testId}
        data-folded
        style={problems ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
      >
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <FieldSummary
            field={field}
            issues={problems}
            testId={testId}
            onOpen={() => fold.toggle(field.key)}
          />
          {moveButtons}
        </Group>
      </Card>
    );
  const langErr = (p: string) => ({
    ky: issues.at(`${path}.${p}.ky`)[0],
    ru: issues.at(`${path}.${p}.ru`)[0],
    en: issues.at(`${path}.${p}.en`)[0],
  });
  return (
    <Card
      withBorder
      padding="sm"
      radius="md"
      data-testid={testId}
      style={own.length ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-end">
          <Group gap="xs" align="flex-end">
            <FoldButton testId={testId} onFold={() => fold.toggle(field.key)} />
            <Badge variant="light" tt="none" mb={8}>
              {t(`forms:fieldType.${field.type}`)}
            </Badge>
            <TextInput
              label={t('builder.key')}
              description={t('builder.keyHint')}
              value={field.key}
              w={170}
              error={
                issues.at(`${path}.key`)[0] ??
                (field.key && !FIELD_KEY_RE.test(field.key) ? t('forms:issue.key_format') : undefined)
              }
              onChange={(e) => onChange({ ...field, key: e.currentTarget.value.trim() })}
              data-testid={`${testId}-key`}
            />
          </Group>
          {moveButtons}
        </Group>
        {own.map((m) => (
          <Text key={m} size="sm" c="red.8" role="alert">
            {m}
          </Text>
        ))}
        <L10nInputs
          label={t('builder.label')}
          value={field.label}
          required
          onChange={(label) => onChange({ ...field, label })}
          errors={langErr('label')}
          testId={`${testId}-label`}
        />
        {hint ? (
          <L10nInputs
            label={t('builder.hint')}
            value={field.hint}
            multiline
            onChange={(h) => onChange({ ...field, hint: h })}
            errors={langErr('hint')}
          />
        ) : (
          <Button variant="subtle" size="compact-xs" w="fit-content" onClick={() => setHint(true)}>
            {t('builder.addHint')}
          </Button>
        )}
        <Group gap="md" align="flex-end">
          <Switch
            label={t('builder.required')}
            checked={!!field.required}
            onChange={(e) => onChange({ ...field, required: e.currentTarget.checked })}
            data-testid={`${testId}-required`}
          />
          {field.type === 'file' && (
            <Select
              label={t('builder.accept')}
              data={(['photo', 'audio', 'video', 'any'] as const).map((a) => ({
                value: a,
                label: t(`accept.${a}`),
              }))}
              value={field.accept ?? 'any'}
              onChange={(v) => onChange({ ...field, accept: v ?? 'any' })}
              allowDeselect={false}
              w={150}
            />
          )}
        </Group>
        {CHOICE.includes(field.type) && (
          <OptionsEditor field={field} onChange={onChange} testId={testId} path={path} issues={issues} />
        )}
        <Constraints field={field} onChange={onChange} />
        <CompareEditor
          def={def}
          field={field}
          candidates={candidates}
          testId={testId}
          onChange={(compare) => {
            const { compare: _old, ...c } = field.constraint ?? {};
            const next = compare ? { ...c, compare } : c;
            const { constraint: _c, ...rest } = field;
            onChange(Object.keys(next).length ? { ...rest, constraint: next } : rest);
          }}
        />
        <ConditionEditor
          value={field.visibleIf}
          candidates={candidates}
          testId={testId}
          onChange={(c) => {
            const { visibleIf: _v, ...rest } = field;
            onChange(c ? { ...rest, visibleIf: c } : rest);
          }}
        />
        {field.type === 'repeat' && (
          <Stack gap="xs" pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-blue-2)' }}>
            <L10nInputs
              label={t('builder.itemLabel')}
              value={field.itemLabel}
              onChange={(itemLabel) => onChange({ ...field, itemLabel })}
              errors={langErr('itemLabel')}
              testId={`${testId}-itemLabel`}
            />
            <Text size="xs" c="dimmed" mt={-4}>
              {t('builder.itemLabelHint')}
            </Text>
            <Text size="sm" fw={500}>
              {t('builder.children', { count: children.length })}
            </Text>
            {children.map((c, i) => (
              <FieldEditor
                key={i}
                def={def}
                field={c}
                index={i}
                count={children.length}
                path={`${path}.fields.${i}`}
                // Inside a group: the earlier questions of the entry and those before the group (schema.ts).
                candidates={[...candidates, ...children.slice(0, i)].filter((x) => x.type !== 'repeat')}
                issues={issues}
                onChange={(nc) => onChange({ ...field, fields: replaceAt(children, i, nc) })}
                onMove={(dir) => onChange({ ...field, fields: move(children, i, dir) })}
                onRemove={() => remove(`${path}.fields.${i}`)}
              />
            ))}
            {/* Added without a key: the builder page gives it a fresh one (fillKeys). */}
            <AddFieldMenu
              nested
              testId={`${testId}-add`}
              onAdd={(type) =>
                onChange({ ...field, fields: [...children, { key: '', type, label: emptyL10n() }] })
              }
            />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
