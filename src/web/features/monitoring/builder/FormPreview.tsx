import { Badge, Box, Button, Paper, Select, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isVisible } from '../../../../core/forms/conditions';
import type { Answers, FormDefinition, FormField } from '../../../../core/forms/types';
import { entryNoun } from '../../../../core/forms/messages';
import { regionChoicesIn } from '../../../../core/geo/regions';
import { schemeTitle } from '../../vocab/labels';
import { missingLangs, pick, useLocale } from '../l10n';
import { ownMissing } from './translations';
import type { Locale } from '../../../i18n';
import { SimpleFieldInput, type QuestionLook } from '../../../components/SimpleFieldInput';

/** The phone's controls (FieldInputs.tsx) at a desk's size: the preview shows what the observer gets. */
const LOOK: QuestionLook = {
  gap: 6,
  mt: 4,
  rows: { minRows: 2 },
  number: 'typed',
  boolean: 'segmented',
  pickOne: 'radios-or-native',
  emptyList: 'array',
};

function PreviewInput({
  field,
  value,
  onChange,
  lng,
  t,
  answers = {},
}: {
  field: FormField;
  value: unknown;
  onChange: (v: unknown) => void;
  lng: Locale;
  /** The report's answers so far: a question inside a repeat group may depend on one outside it. */
  answers?: Answers;
  /** In the preview's language: the phone shows its own words (Yes, Send…) in it too. */
  t: TFunction;
}): ReactElement {
  const vocab = field.vocabulary
    ? t('preview.fromVocab', { scheme: schemeTitle(t, field.vocabulary) })
    : t('preview.noVocab');
  const label = pick(field.label, lng) || field.key;
  const common = { label, description: pick(field.hint, lng) || undefined, required: !!field.required };
  switch (field.type) {
    case 'single_choice':
    case 'multiple_choice':
      // A draft's vocabulary is read into options only at publishing: the phone will offer its terms.
      if (field.vocabulary !== undefined)
        return <Select {...common} data={[]} placeholder={vocab} disabled />;
      break;
    case 'location':
      return (
        <Select
          {...common}
          data={regionChoicesIn(lng)}
          placeholder={t('preview.region')}
          value={(value as { region?: string } | undefined)?.region ?? null}
          onChange={(v) => onChange(v ? { region: v } : undefined)}
        />
      );
    case 'file':
    case 'signature':
      return (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {label}
          </Text>
          <Button variant="default" disabled>
            {t(field.type === 'signature' ? 'preview.sign' : `preview.attach.${field.accept ?? 'any'}`)}
          </Button>
        </Stack>
      );
    case 'repeat': {
      const noun = entryNoun(field, lng);
      // One entry, answered like the phone's: its questions show and hide by its own answers too.
      const entry = ((Array.isArray(value) ? value[0] : undefined) ?? {}) as Answers;
      return (
        <Paper withBorder p="xs">
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {label}
            </Text>
            {(field.fields ?? [])
              .filter((c) => isVisible(c.visibleIf, answers, entry))
              .map((c) => (
                <PreviewField
                  key={c.key}
                  field={c}
                  value={entry[c.key]}
                  onChange={(v) => onChange([{ ...entry, [c.key]: v }])}
                  lng={lng}
                  t={t}
                  answers={answers}
                />
              ))}
            <Button variant="light" size="xs" disabled>
              {noun ? t('preview.addEntry_named', { noun }) : t('preview.addEntry')}
            </Button>
          </Stack>
        </Paper>
      );
    }
  }
  return (
    <SimpleFieldInput
      field={field}
      value={value}
      onChange={onChange}
      look={LOOK}
      wrapper={common}
      words={{ yes: t('preview.yes'), no: t('preview.no'), choose: t('preview.choose') }}
      optionLabel={(o) => pick(o.label, lng) || o.key}
    />
  );
}

/** A title written in some language but not in `lng` (an empty one is the designer's still to write). */
const lacks = (text: FormDefinition['title'], lng: Locale) =>
  missingLangs(text).includes(lng) && missingLangs(text).length < 3;

/**
 * One question, marked for the designer when a text of it is not written in the preview's language
 * (the phone then shows another language's, which the observer may not read).
 */
function PreviewField(props: Parameters<typeof PreviewInput>[0]): ReactElement {
  // A text empty in every language is still to be written, not to be translated.
  const untranslated = ownMissing(props.field).some((m) => m.langs.includes(props.lng) && m.langs.length < 3);
  if (!untranslated) return <PreviewInput {...props} />;
  return (
    <Stack gap={4}>
      <UntranslatedBadge lng={props.lng} testId={`preview-untranslated-${props.field.key}`} />
      <PreviewInput {...props} />
    </Stack>
  );
}

/** The designer's note, in the screen's language, that a text is missing in the preview's. */
function UntranslatedBadge({ lng, testId }: { lng: Locale; testId: string }): ReactElement {
  const { t } = useTranslation('monitoring');
  const ui = useLocale();
  return (
    <Badge color="orange" variant="light" tt="none" size="sm" lang={ui} data-testid={testId}>
      {t(`preview.untranslated.${lng}`)}
    </Badge>
  );
}

/**
 * The form as an observer's phone shows it: a 375 px wide frame, the UI language (or another one),
 * answers kept locally so conditional questions appear and disappear as in the field app.
 */
export function FormPreview({
  definition,
  lang,
}: {
  definition: FormDefinition;
  lang?: Locale;
}): ReactElement {
  const { t, i18n } = useTranslation('monitoring');
  const ui = useLocale();
  const lng = lang ?? ui;
  // The pane's accessible name is the builder's, in the screen language; what the phone shows is in `lng`.
  const tp = useMemo(() => i18n.getFixedT(lng, 'monitoring'), [i18n, lng]);
  const [answers, setAnswers] = useState<Answers>({});
  return (
    <Box
      w={375}
      maw="100%"
      mx="auto"
      p="md"
      style={{
        border: '8px solid var(--mantine-color-dark-6)',
        borderRadius: 28,
        minHeight: 480,
        background: 'var(--mantine-color-body)',
      }}
      role="region"
      aria-label={t('preview.label')}
      data-testid="form-preview"
    >
      <Stack gap="md" lang={lng}>
        {lacks(definition.title, lng) && <UntranslatedBadge lng={lng} testId="preview-untranslated-title" />}
        <Title order={2} size="h4">
          {pick(definition.title, lng) || tp('builder.untitled')}
        </Title>
        {definition.sections
          .filter((s) => isVisible(s.visibleIf, answers))
          .map((s) => (
            <Stack key={s.key} gap="sm">
              {lacks(s.title, lng) && (
                <UntranslatedBadge lng={lng} testId={`preview-untranslated-${s.key}`} />
              )}
              {pick(s.title, lng) && (
                <Title order={3} size="h5">
                  {pick(s.title, lng)}
                </Title>
              )}
              {s.fields
                .filter((f) => isVisible(f.visibleIf, answers))
                .map((f) => (
                  <PreviewField
                    key={f.key}
                    field={f}
                    lng={lng}
                    t={tp}
                    value={answers[f.key]}
                    answers={answers}
                    onChange={(v) => setAnswers((a) => ({ ...a, [f.key]: v }))}
                  />
                ))}
            </Stack>
          ))}
        <Button disabled fullWidth>
          {tp('preview.send')}
        </Button>
      </Stack>
    </Box>
  );
}
