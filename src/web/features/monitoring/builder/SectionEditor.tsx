import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition, FormSection } from '../../../../core/forms/types';
import { pick, useLocale } from '../l10n';
import { ConditionEditor } from './ConditionEditor';
import { earlierFields, move, newField, replaceAt } from './definition';
import { FieldEditor, type IssueLookup } from './FieldEditor';
import { AddFieldMenu } from './FieldParts';
import { L10nInputs } from './L10nInputs';
import { MoveButtons } from './MoveButtons';
import { useRemove } from './removal';
import { sectionHeading } from './translations';

/** One section: its title in three languages, an optional condition, and its questions. */
export function SectionEditor({
  def,
  index,
  issues,
  onChange,
  onMove,
  onRemove,
}: {
  def: FormDefinition;
  index: number;
  issues: IssueLookup;
  onChange: (s: FormSection) => void;
  onMove: (dir: -1 | 1) => void;
  onRemove: () => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const remove = useRemove();
  const section = def.sections[index]!;
  const path = `sections.${index}`;
  const fields = section.fields;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      bg="var(--mantine-color-gray-0)"
      data-testid={`section-${index}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4">
            {sectionHeading(t, index + 1, pick(section.title, lng))}
          </Title>
          <MoveButtons
            index={index}
            count={def.sections.length}
            onMove={onMove}
            onRemove={onRemove}
            removeLabel={t('builder.removeSection')}
            testId={`section-${index}`}
          />
        </Group>
        {issues
          .rest(
            path,
            ['ky', 'ru', 'en'].map((l) => `${path}.title.${l}`),
          )
          .map((m) => (
            <Text key={m} size="sm" c="red.8" role="alert">
              {m}
            </Text>
          ))}
        <L10nInputs
          label={t('builder.sectionTitle')}
          value={section.title}
          required
          onChange={(title) => onChange({ ...section, title })}
          testId={`section-${index}-title`}
          errors={{
            ky: issues.at(`${path}.title.ky`)[0],
            ru: issues.at(`${path}.title.ru`)[0],
            en: issues.at(`${path}.title.en`)[0],
          }}
        />
        <ConditionEditor
          value={section.visibleIf}
          candidates={earlierFields(def, index, 0)}
          testId={`section-${index}`}
          onChange={(c) => {
            const { visibleIf: _v, ...rest } = section;
            onChange(c ? { ...rest, visibleIf: c } : rest);
          }}
        />
        {fields.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('builder.noFields')}
          </Text>
        )}
        {fields.map((f, i) => (
          <FieldEditor
            key={i}
            def={def}
            field={f}
            index={i}
            count={fields.length}
            path={`${path}.fields.${i}`}
            candidates={earlierFields(def, index, i)}
            issues={issues}
            onChange={(nf) => onChange({ ...section, fields: replaceAt(fields, i, nf) })}
            onMove={(dir) => onChange({ ...section, fields: move(fields, i, dir) })}
            onRemove={() => remove(`${path}.fields.${i}`)}
          />
        ))}
        <AddFieldMenu
          testId={`section-${index}-add`}
          onAdd={(type) => onChange({ ...section, fields: [...fields, newField(def, type)] })}
        />
      </Stack>
    </Card>
  );
}
