import { Group, MultiSelect, NumberInput, Select, Switch, Text, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Condition, FormField } from '../../../../core/forms/types';
import { useL10n } from '../l10n';
import { uniqueValues } from './definition';

type Simple = Extract<Condition, { field: string }>;
const OPS = ['eq', 'neq', 'in', 'includes', 'gt', 'lt', 'answered', 'not_answered'] as const;

/** The condition names an option its question no longer has (removed since): said at once. */
function goneOption(f: FormField, c: Simple): boolean {
  if (!f.options || f.vocabulary !== undefined || c.value === undefined) return false;
  const keys = new Set(f.options.map((o) => o.key));
  return (Array.isArray(c.value) ? c.value : [c.value]).some((v) => typeof v === 'string' && !keys.has(v));
}

/** The operators that make sense for a field type. */
function opsFor(f: FormField | undefined): Simple['op'][] {
  switch (f?.type) {
    case 'boolean':
      return ['eq', 'answered', 'not_answered'];
    case 'single_choice':
      return ['eq', 'neq', 'in', 'answered', 'not_answered'];
    case 'multiple_choice':
      return ['includes', 'answered', 'not_answered'];
    case 'number':
      return ['eq', 'neq', 'gt', 'lt', 'answered', 'not_answered'];
    case undefined:
      return [...OPS];
    default:
      return ['eq', 'neq', 'answered', 'not_answered'];
  }
}

/**
 * "Show only when <field> <operator> <value>". Only a single condition is edited here; a definition
 * imported with all/any groups keeps them and shows them as set (the builder does not flatten them).
 */
export function ConditionEditor({
  value,
  onChange,
  candidates,
  testId,
}: {
  value: Condition | undefined;
  onChange: (c: Condition | undefined) => void;
  candidates: FormField[];
  testId: string;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const l10n = useL10n();
  const simple = value && 'field' in value ? value : undefined;
  const compound = value && !simple;
  const field = candidates.find((c) => c.key === simple?.field);
  const set = (patch: Partial<Simple>) => {
    const next = { ...(simple ?? { field: candidates[0]?.key ?? '', op: 'eq' as const }), ...patch };
    if (next.op === 'answered' || next.op === 'not_answered') delete next.value;
    onChange(next);
  };
  const options = uniqueValues(
    (field?.options ?? []).map((o) => ({ value: o.key, label: l10n(o.label) || o.key })),
  );
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <Switch
        label={t('builder.condition.toggle')}
        checked={!!value}
        disabled={candidates.length === 0 && !value}
        onChange={(e) =>
          onChange(e.currentTarget.checked ? { field: candidates[0]!.key, op: 'answered' } : undefined)
        }
        data-testid={`${testId}-cond`}
      />
      {compound && <span>{t('builder.condition.compound')}</span>}
      {simple && (
        <>
          <Select
            label={t('builder.condition.field')}
            data={uniqueValues(candidates.map((c) => ({ value: c.key, label: l10n(c.label) || c.key })))}
            value={simple.field}
            onChange={(v) =>
              v && set({ field: v, op: opsFor(candidates.find((c) => c.key === v))[0], value: undefined })
            }
            allowDeselect={false}
            w={200}
            data-testid={`${testId}-cond-field`}
          />
          <Select
            label={t('builder.condition.op')}
            data={opsFor(field).map((o) => ({ value: o, label: t(`builder.op.${o}`) }))}
            value={simple.op}
            onChange={(v) => v && set({ op: v })}
            allowDeselect={false}
            w={170}
            data-testid={`${testId}-cond-op`}
          />
          {simple.op !== 'answered' && simple.op !== 'not_answered' && (
            <ValueInput
              field={field}
              cond={simple}
              options={options}
              onChange={(value) => set({ value })}
              testId={testId}
            />
          )}
          {/* Moving or re-keying a question can leave this condition pointing at nothing earlier:
              say so here rather than only when the server refuses the form. */}
          {!field && (
            <Text size="sm" c="red.8" w="100%" data-testid={`${testId}-cond-broken`}>
              {t('builder.condition.broken')}
            </Text>
          )}
          {field && goneOption(field, simple) && (
            <Text size="sm" c="red.8" w="100%" data-testid={`${testId}-cond-option`}>
              {t('forms:issue.condition_unknown_option')}
            </Text>
          )}
        </>
      )}
    </Group>
  );
}

function ValueInput({
  field,
  cond,
  options,
  onChange,
  testId,
}: {
  field: FormField | undefined;
  cond: Simple;
  options: { value: string; label: string }[];
  onChange: (v: Simple['value']) => void;
  testId: string;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const label = t('builder.condition.value');
  const id = `${testId}-cond-value`;
  if (field?.type === 'boolean')
    return (
      <Select
        label={label}
        data={[
          { value: 'true', label: t('preview.yes') },
          { value: 'false', label: t('preview.no') },
        ]}
        value={cond.value === undefined ? null : String(cond.value)}
        onChange={(v) => onChange(v === 'true')}
        w={120}
        data-testid={id}
      />
    );
  if (cond.op === 'in')
    return (
      <MultiSelect
        label={label}
        data={options}
        value={Array.isArray(cond.value) ? cond.value : []}
        onChange={onChange}
        w={220}
        data-testid={id}
      />
    );
  if (options.length > 0)
    return (
      <Select
        label={label}
        data={options}
        value={typeof cond.value === 'string' ? cond.value : null}
        onChange={(v) => onChange(v ?? undefined)}
        w={200}
        data-testid={id}
      />
    );
  if (field?.type === 'number')
    return (
      <NumberInput
        label={label}
        value={typeof cond.value === 'number' ? cond.value : ''}
        onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
        w={120}
        data-testid={id}
      />
    );
  return (
    <TextInput
      label={label}
      value={typeof cond.value === 'string' ? cond.value : ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      w={200}
      data-testid={id}
    />
  );
}
