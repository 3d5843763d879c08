import { ActionIcon, Button, Flex, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { SCRIPTS } from './api';
import { detectScript, newName, type PersonFormValues } from './personForm';
import { FormSection } from './FormSection';

/**
 * Names (a person often has a Cyrillic and a Latin spelling, each a name of its own) and aliases.
 * The script is detected from the letters; the select overrides it.
 */
export function NamesSection({
  form,
  onActive,
}: {
  form: UseFormReturnType<PersonFormValues>;
  /** The name being edited, for the duplicate check. */
  onActive: (index: number) => void;
}): ReactElement {
  const { t } = useTranslation('people');
  const names = form.values.names;
  return (
    <FormSection legend={t('form.sections.names')}>
      <Stack gap="sm">
        {names.map((n, i) => {
          const detected = detectScript(n.full);
          const auto = detected
            ? t('form.scriptAuto', { script: t(`script.${detected}`) })
            : t('form.scriptAutoEmpty');
          return (
            <Flex key={n.key} gap="xs" direction={{ base: 'column', xs: 'row' }} align={{ xs: 'flex-start' }}>
              <TextInput
                style={{ flex: 1 }}
                label={names.length > 1 ? t('form.nameN', { n: i + 1 }) : t('form.name')}
                description={i === 0 ? t('form.nameHint') : undefined}
                required={i === 0}
                name={`name-${i}`}
                autoComplete="off"
                data-testid="person-name"
                {...form.getInputProps(`names.${i}.full`)}
                onChange={(e) => {
                  form.setFieldValue(`names.${i}.full`, e.currentTarget.value);
                  onActive(i);
                }}
                onFocus={() => onActive(i)}
              />
              <Select
                w={{ base: '100%', xs: 190 }}
                label={t('form.script')}
                description={i === 0 ? t('form.scriptHint') : undefined}
                data={[
                  { value: 'auto', label: auto },
                  ...SCRIPTS.map((s) => ({ value: s, label: t(`script.${s}`) })),
                ]}
                allowDeselect={false}
                data-testid="person-name-script"
                {...form.getInputProps(`names.${i}.script`)}
              />
              {names.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red.8"
                  size="lg"
                  mt={{ xs: i === 0 ? 52 : 26 }}
                  aria-label={t('form.removeName', { name: n.full || t('form.nameN', { n: i + 1 }) })}
                  onClick={() => form.removeListItem('names', i)}
                >
                  <Icon name="trash" />
                </ActionIcon>
              )}
            </Flex>
          );
        })}
        {names.length < 10 && (
          <Button
            variant="subtle"
            leftSection={<Icon name="plus" size={16} />}
            onClick={() => form.insertListItem('names', newName())}
            style={{ alignSelf: 'flex-start' }}
            data-testid="add-name"
          >
            {t('form.addName')}
          </Button>
        )}
        <TagsInput
          label={t('form.aliases')}
          description={t('form.aliasesHint')}
          maxTags={20}
          splitChars={[',', ';']}
          data-testid="person-aliases"
          {...form.getInputProps('aliases')}
        />
      </Stack>
    </FormSection>
  );
}
