import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { schemeTitle } from '../../vocab/labels';
import type { ChoiceOption, FormField } from '../../../../core/forms/types';
import { api } from '../../../api/client';
import { Icon } from '../../../components/icons';
import { emptyL10n } from '../l10n';
import { move, removeAt, replaceAt } from './definition';
import { L10nInputs } from './L10nInputs';
import { MoveButtons } from './MoveButtons';

interface SchemeList {
  schemes: { scheme: string; terms: number }[];
}

/** `o<n>` not used by another option yet (after a removal, `o<count+1>` may be taken). */
function freshOptionKey(options: ChoiceOption[]): string {
  const used = new Set(options.map((o) => o.key));
  let n = options.length + 1;
  while (used.has(`o${n}`)) n++;
  return `o${n}`;
}

/** A choice field's answers: its own options (key + ky/ru/en label) or a vocabulary scheme. */
export function OptionsEditor({
  field,
  onChange,
  testId,
}: {
  field: FormField;
  onChange: (f: FormField) => void;
  testId: string;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const schemes = useQuery({
    queryKey: ['vocab', 'schemes'],
    queryFn: () => api.get<SchemeList>('/api/vocab'),
    staleTime: 300_000,
  });
  const fromVocab = field.vocabulary !== undefined;
  const options = field.options ?? [];
  const setOptions = (next: ChoiceOption[]) => onChange({ ...field, options: next });
  return (
    <Stack gap="xs">
      <SegmentedControl
        value={fromVocab ? 'vocab' : 'own'}
        data={[
          { value: 'own', label: t('builder.options.own') },
          { value: 'vocab', label: t('builder.options.vocab') },
        ]}
        onChange={(v) => {
          const { vocabulary: _v, options: _o, ...rest } = field;
          onChange(
            v === 'vocab'
              ? { ...rest, vocabulary: '' }
              : { ...rest, options: [{ key: 'yes', label: emptyL10n() }] },
          );
        }}
        data-testid={`${testId}-options-mode`}
      />
      {fromVocab ? (
        <Select
          label={t('builder.options.scheme')}
          description={t('builder.options.schemeHint')}
          searchable
          data={(schemes.data?.schemes ?? []).map((s) => ({
            value: s.scheme,
            // By its name in the screen's language, as the vocabularies page lists it.
            label: t('builder.options.schemeItem', {
              scheme: schemeTitle(t, s.scheme),
              count: s.terms,
            }),
          }))}
          value={field.vocabulary || null}
          onChange={(v) => onChange({ ...field, vocabulary: v ?? '' })}
          data-testid={`${testId}-scheme`}
        />
      ) : (
        <Stack gap="xs">
          {options.map((o, i) => (
            <Stack
              key={i}
              gap={4}
              p="xs"
              style={{ border: '1px dashed var(--mantine-color-gray-4)', borderRadius: 6 }}
            >
              <Group gap="xs" align="flex-end">
                <TextInput
                  label={t('builder.options.key')}
                  value={o.key}
                  w={160}
                  onChange={(e) =>
                    setOptions(replaceAt(options, i, { ...o, key: e.currentTarget.value.trim() }))
                  }
                  data-testid={`${testId}-opt-${i}-key`}
                />
                <div style={{ marginLeft: 'auto' }}>
                  <MoveButtons
                    index={i}
                    count={options.length}
                    onMove={(dir) => setOptions(move(options, i, dir))}
                    onRemove={() => setOptions(removeAt(options, i))}
                    removeLabel={t('builder.options.remove')}
                    testId={`${testId}-opt-${i}`}
                  />
                </div>
              </Group>
              <L10nInputs
                label={t('builder.options.label')}
                value={o.label}
                required
                onChange={(label) => setOptions(replaceAt(options, i, { ...o, label }))}
                testId={`${testId}-opt-${i}`}
              />
            </Stack>
          ))}
          {options.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('builder.options.none')}
            </Text>
          )}
          <Button
            variant="light"
            size="xs"
            w="fit-content"
            leftSection={<Icon name="plus" size={14} />}
            onClick={() => setOptions([...options, { key: freshOptionKey(options), label: emptyL10n() }])}
            data-testid={`${testId}-add-option`}
          >
            {t('builder.options.add')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
