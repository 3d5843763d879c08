import { Group, SegmentedControl, Stack, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../../core/forms/types';
import type { Locale } from '../../../i18n';
import { LANGS } from '../l10n';
import { FormPreview } from './FormPreview';

/** The form as an observer sees it, in a language chosen here (not the screen's). */
export function PreviewPane({
  def,
  lang,
  setLang,
}: {
  def: FormDefinition;
  lang: Locale;
  setLang: (l: Locale) => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <Stack gap="xs" pos="sticky" top={70}>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('preview.title')}
        </Title>
        <SegmentedControl
          size="xs"
          value={lang}
          onChange={(v) => setLang(v)}
          data={LANGS.map((l) => ({ value: l, label: l.toUpperCase() }))}
          aria-label={t('preview.language')}
          data-testid="preview-lang"
        />
      </Group>
      <FormPreview definition={def} lang={lang} />
    </Stack>
  );
}
