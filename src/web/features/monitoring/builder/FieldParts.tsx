import { Button, Group, Menu, NumberInput, Switch } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FIELD_TYPES,
  type FieldConstraint,
  type FieldType,
  type FormField,
} from '../../../../core/forms/types';
import { Icon } from '../../../components/icons';

/** Pieces of the question editor: the "add a question" menu and a question's constraints. */

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

export function Constraints({
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
