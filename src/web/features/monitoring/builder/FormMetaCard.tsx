import { Card, Select, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { FORM_KINDS, type FormDefinition } from '../../../../core/forms/types';
import type { useIssues } from './issues';
import { L10nInputs } from './L10nInputs';

/** The form's own title, description and kind, with the problems no question editor shows. */
export function FormMetaCard({
  def,
  issues,
  setDef,
}: {
  def: FormDefinition;
  issues: ReturnType<typeof useIssues>;
  setDef: (d: FormDefinition) => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <L10nInputs
          label={t('builder.formTitle')}
          value={def.title}
          required
          onChange={(title) => setDef({ ...def, title })}
          testId="form-title"
          errors={{
            ky: issues.at('title.ky')[0],
            ru: issues.at('title.ru')[0],
            en: issues.at('title.en')[0],
          }}
          error={issues.at('title')[0]}
        />
        <L10nInputs
          label={t('builder.description')}
          value={def.description}
          multiline
          onChange={(description) => setDef({ ...def, description })}
        />
        {issues.form.map((m, i) => (
          <Text key={i} size="sm" c="red.8" role="alert">
            {m}
          </Text>
        ))}
        <Select
          label={t('builder.kind')}
          data={FORM_KINDS.map((k) => ({ value: k, label: t(`forms:kind.${k}`) }))}
          value={def.kind}
          onChange={(v) => v && setDef({ ...def, kind: v })}
          allowDeselect={false}
          w={220}
          data-testid="form-kind"
        />
      </Stack>
    </Card>
  );
}
