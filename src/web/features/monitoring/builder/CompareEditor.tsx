import { ActionIcon, Button, Group, Select, Stack, Switch, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPARABLE } from '../../../../core/forms/compare';
import { FORM_LIMITS } from '../../../../core/forms/limits';
import {
  COMPARE_OPS,
  type CompareRule,
  type FormDefinition,
  type FormField,
} from '../../../../core/forms/types';
import { Icon } from '../../../components/icons';
import { useL10n } from '../l10n';
import { compareProblem, uniqueValues } from './definition';

/**
 * "This answer is at most the answer to <earlier question>" (constraint.compare). A rule checks by
 * default — the observer confirms and the report goes to verification, since in monitoring a count
 * that does not add up may be the finding itself — or, switched on, refuses the answer.
 */
export function CompareEditor({
  def,
  field,
  candidates,
  testId,
  onChange,
}: {
  /** The whole form: a rule naming a question that is not in scope still names it by its label. */
  def: FormDefinition;
  field: FormField;
  /** Earlier questions in scope; only those of the same type can be compared. */
  candidates: FormField[];
  testId: string;
  onChange: (rules: CompareRule[] | undefined) => void;
}): ReactElement | null {
  const { t } = useTranslation('monitoring');
  const l10n = useL10n();
  if (!COMPARABLE.includes(field.type)) return null;
  const rules = field.constraint?.compare ?? [];
  const same = candidates.filter((c) => c.type === field.type);
  if (same.length === 0 && rules.length === 0) return null;
  const dated = field.type !== 'number';
  const set = (i: number, patch: Partial<CompareRule>) =>
    onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const fieldData = uniqueValues(same.map((c) => ({ value: c.key, label: l10n(c.label) || c.key })));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('builder.compare.title')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('builder.compare.hint')}
      </Text>
      {rules.map((r, i) => {
        const id = `${testId}-compare-${i}`;
        const broken = compareProblem(def, field, candidates, r.field);
        // By its label in the screen's language; by key only when the question is gone.
        const otherName = l10n(broken?.other?.label) || r.field;
        return (
          <Stack key={i} gap={4}>
            <Group gap="xs" align="flex-end" wrap="wrap">
              <Select
                label={t('builder.compare.op')}
                data={COMPARE_OPS.map((o) => ({
                  value: o,
                  label: t(`builder.compare.${dated ? 'date' : 'number'}.${o}`),
                }))}
                value={r.op}
                onChange={(v) => v && set(i, { op: v })}
                allowDeselect={false}
                w={190}
                data-testid={`${id}-op`}
              />
              <Select
                label={t('builder.compare.field')}
                data={broken ? [...fieldData, { value: r.field, label: otherName }] : fieldData}
                value={r.field}
                onChange={(v) => v && set(i, { field: v })}
                allowDeselect={false}
                w={220}
                data-testid={`${id}-field`}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mb={4}
                aria-label={t('builder.compare.remove')}
                onClick={() => {
                  const left = rules.filter((_, j) => j !== i);
                  onChange(left.length ? left : undefined);
                }}
                data-testid={`${id}-remove`}
              >
                <Icon name="trash" size={16} />
              </ActionIcon>
            </Group>
            <Switch
              size="xs"
              label={t('builder.compare.refuse')}
              checked={!!r.refuse}
              onChange={(e) => {
                const { refuse: _r, ...rest } = r;
                set(i, e.currentTarget.checked ? { ...rest, refuse: true } : { ...rest, refuse: undefined });
              }}
              data-testid={`${id}-refuse`}
            />
            {broken && (
              <Text size="sm" c="red.8" data-testid={`${id}-broken`}>
                {t(`builder.compare.broken.${broken.problem}`, { other: otherName })}
              </Text>
            )}
          </Stack>
        );
      })}
      {same.length > 0 && rules.length < FORM_LIMITS.comparisons && (
        <Button
          variant="subtle"
          size="compact-xs"
          w="fit-content"
          leftSection={<Icon name="plus" size={12} />}
          onClick={() => onChange([...rules, { op: dated ? 'gte' : 'lte', field: same.at(-1)!.key }])}
          data-testid={`${testId}-compare-add`}
        >
          {t('builder.compare.add')}
        </Button>
      )}
    </Stack>
  );
}
