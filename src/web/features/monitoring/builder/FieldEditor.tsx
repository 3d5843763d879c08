import {
  Badge,
  Button,
  Card,
  Group,
  Menu,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FIELD_TYPES,
  type FieldConstraint,
  type FieldType,
  type FormDefinition,
  type FormField,
} from '../../../../core/forms/types';
import { FIELD_KEY_RE } from '../../../../core/forms/limits';
import { Icon } from '../../../components/icons';
import { emptyL10n } from '../l10n';
import { CompareEditor } from './CompareEditor';
import { ConditionEditor } from './ConditionEditor';
import { move, replaceAt } from './definition';
import { L10nInputs } from './L10nInputs';
import { MoveButtons } from './MoveButtons';
import { OptionsEditor } from './OptionsEditor';
import { useRemove } from './removal';

/** The server's definition issues as messages: at one path, or anywhere under a path but not shown elsewhere. */
export interface IssueLookup {
  at: (path: string) => string[];
  /** Issues under `path` except those at the `shown` paths and those of nested fields. */
  rest: (path: string, shown: string[]) => string[];
}

const CHOICE: FieldType[] = ['single_choice', 'multiple_choice'];

/** The "add a field" menu: every type (no repeat inside a repeat group). */
export function AddFieldMenu({
  onAdd,
  nested,
  testId,
}: {
  onAdd: (type: FieldType) => void;
  nested?: boolean;
  testId: string;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          leftSection={<Icon name="plus" size={14} />}
          data-testid={testId}
        >
          {t(nested ? 'builder.addChild' : 'builder.addField')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {FIELD_TYPES.filter((ft) => !(nested && ft === 'repeat')).map((ft) => (
          <Menu.Item key={ft} onClick={() => onAdd(ft)} data-testid={`${testId}-${ft}`}>
            {t(`forms:fieldType.${ft}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function Constraints({
  field,
  onChange,
}: {
  field: FormField;
  onChange: (f: FormField) => void;
}): ReactElement | null {
  const { t } = useTranslation('monitoring');
  const c = field.constraint ?? {};
  const set = (patch: Partial<FieldConstraint>) => {
    const next: FieldConstraint = { ...c, ...patch };
    for (const k of Object.keys(next) as (keyof FieldConstraint)[])
      if (next[k] === undefined || next[k] === false) delete next[k];
    const { constraint: _c, ...rest } = field;
    onChange(Object.keys(next).length ? { ...rest, constraint: next } : rest);
  };
  const num = (k: 'min' | 'max' | 'maxLength' | 'minItems' | 'maxItems') => (
    <NumberInput
      label={t(`builder.constraint.${k}`)}
      value={c[k] ?? ''}
      onChange={(v) => set({ [k]: typeof v === 'number' ? v : undefined })}
      w={130}
      allowDecimal={k === 'min' || k === 'max'}
    />
  );
  if (field.type === 'number')
    return (
      <Group gap="xs" align="flex-end">
        {num('min')}
        {num('max')}
        <Switch
          label={t('builder.constraint.integer')}
          checked={!!c.integer}
          onChange={(e) => set({ integer: e.currentTarget.checked })}
          mb={6}
        />
      </Group>
    );
  if (field.type === 'text' || field.type === 'long_text') return <Group gap="xs">{num('maxLength')}</Group>;
  if (field.type === 'date' || field.type === 'datetime')
    return (
      <Switch
        label={t('builder.constraint.notFuture')}
        checked={!!c.notFuture}
        onChange={(e) => set({ notFuture: e.currentTarget.checked })}
        data-testid={`${field.key}-not-future`}
      />
    );
  if (field.type === 'multiple_choice' || field.type === 'repeat')
    return (
      <Group gap="xs">
        {num('minItems')}
        {num('maxItems')}
      </Group>
    );
  return null;
}

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
          <MoveButtons
            index={index}
            count={count}
            onMove={onMove}
            onRemove={onRemove}
            removeLabel={t('builder.removeField')}
            testId={testId}
          />
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
