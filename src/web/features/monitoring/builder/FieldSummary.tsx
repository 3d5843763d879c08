import { ActionIcon, Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../../core/forms/types';
import { Icon } from '../../../components/icons';
import { pick, useLocale } from '../l10n';
import { fieldLacks } from './translations';

/**
 * A folded question: its text in the screen's language and what a designer scans for — type, key,
 * required, a condition, missing translations, the server's problems. The whole line opens it.
 */
export function FieldSummary({
  field,
  issues,
  testId,
  onOpen,
}: {
  field: FormField;
  /** The server's problems at or under this question. */
  issues: number;
  testId: string;
  onOpen: () => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const label = pick(field.label, lng);
  const lacks = fieldLacks(field);
  const mark = (text: string, color: string, id: string) => (
    <Badge size="sm" variant="light" color={color} tt="none" data-testid={`${testId}-${id}`}>
      {text}
    </Badge>
  );
  return (
    <UnstyledButton
      onClick={onOpen}
      aria-expanded={false}
      data-testid={`${testId}-toggle`}
      style={{ flex: 1, minWidth: 0 }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <span style={{ display: 'inline-flex', paddingTop: 2 }} aria-hidden>
          <Icon name="chevronRight" size={16} />
        </span>
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text
            size="sm"
            fw={500}
            lineClamp={2}
            c={label ? undefined : 'dimmed'}
            fs={label ? undefined : 'italic'}
          >
            {label || t('builder.noLabel')}
          </Text>
          <Group gap={4}>
            {mark(t(`forms:fieldType.${field.type}`), 'blue', 'type')}
            <Text size="xs" c="dimmed" ff="monospace">
              {field.key}
            </Text>
            {field.required && mark(t('builder.required'), 'gray', 'required')}
            {field.visibleIf && mark(t('builder.marker.conditional'), 'grape', 'conditional')}
            {field.type === 'repeat' &&
              mark(t('builder.children', { count: field.fields?.length ?? 0 }), 'gray', 'children')}
            {lacks.length > 0 &&
              mark(
                t('builder.marker.untranslated', { langs: lacks.map((l) => l.toUpperCase()).join(', ') }),
                'orange',
                'untranslated',
              )}
            {issues > 0 && mark(t('builder.marker.issues', { count: issues }), 'red', 'issues')}
          </Group>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/** The open question's "fold" button, beside its type and key. */
export function FoldButton({ testId, onFold }: { testId: string; onFold: () => void }): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <ActionIcon
      variant="subtle"
      mb={8}
      aria-expanded
      aria-label={t('builder.fold')}
      onClick={onFold}
      data-testid={`${testId}-toggle`}
    >
      <Icon name="chevron" size={16} />
    </ActionIcon>
  );
}
