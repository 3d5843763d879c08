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
import type { IssueLookup } from './FieldEditor';
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

const LANG_KEYS = ['ky', 'ru', 'en'] as const;

/**
 * A choice field's answers: its own options (key + ky/ru/en label) or a vocabulary scheme. The
 * server's issues about an option (a repeated key, a label in no language) are shown at that option.
 */
export function OptionsEditor({
  field,
  onChange,
  testId,
  path,
  issues,
}: {
  field: FormField;
  onChange: (f: FormField) => void;
  testId: string;
  /** Definition path of the field (`sections.0.fields.2`). */
  path: string;
  issues: IssueLookup;
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
          {options.map((o, i) => {
            const at = `${path}.options.${i}`;
            const labelAt = LANG_KEYS.map((l) => `${at}.label.${l}`);
            const rest = issues.rest(at, [`${at}.key`, ...labelAt]);
            const bad = rest.length > 0 || [`${at}.key`, ...labelAt].some((p) => issues.at(p).length);
            return (
              <Stack
                key={i}
                gap={4}
                p="xs"
                style={{
                  border: `1px dashed var(--mantine-color-${bad ? 'red-6' : 'gray-4'})`,
                  borderRadius: 6,
                }}
                data-testid={`${testId}-opt-${i}`}
              >
                <Group gap="xs" align="flex-end">
                  <TextInput
                    label={t('builder.options.key')}
                    value={o.key}
                    w={160}
                    error={issues.at(`${at}.key`)[0]}
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
                  errors={{
                    ky: issues.at(`${at}.label.ky`)[0],
                    ru: issues.at(`${at}.label.ru`)[0],
                    en: issues.at(`${at}.label.en`)[0],
                  }}
                />
                {rest.map((m) => (
                  <Text key={m} size="sm" c="red.8" role="alert" data-testid={`${testId}-opt-${i}-issue`}>
                    {m}
                  </Text>
                ))}
              </Stack>
            );
          })}
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
