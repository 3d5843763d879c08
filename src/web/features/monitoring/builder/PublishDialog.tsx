import { List, ScrollArea, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../../core/forms/types';
import { ConfirmModal } from '../../../components/ConfirmModal';
import type { Locale } from '../../../i18n';
import { pick, useLocale } from '../l10n';
import { missingTranslations, sectionHeading, type MissingTranslation } from './translations';

/** A missing text by what it belongs to, with questions and options named in the screen's language. */
function describe(t: TFunction, m: MissingTranslation, lng: Locale): string {
  switch (m.kind) {
    case 'title':
      return t('builder.formTitle');
    case 'description':
      return t('builder.description');
    case 'section':
      return sectionHeading(t, m.n, pick(m.title, lng));
    default: {
      const label = pick(m.field.label, lng) || m.field.key;
      if (m.kind === 'label') return t('builder.untranslated.label', { label });
      if (m.kind === 'hint') return t('builder.untranslated.hint', { label });
      if (m.kind === 'itemLabel') return t('builder.untranslated.itemLabel', { label });
      const option = pick(m.option.label, lng) || m.option.key;
      return t('builder.untranslated.option', { label, option });
    }
  }
}

/**
 * The first input still waiting for a language (L10nInputs marks it), brought into view and focused:
 * after "Go back and translate" the administrator lands where to type, not at the Publish button.
 * Inputs come in form order and ky/ru/en within a text, as the dialog lists them.
 */
function focusFirstMissing(): void {
  const input = document.querySelector<HTMLElement>('[data-l10n-missing]');
  if (!input) return;
  input.scrollIntoView({ block: 'center' });
  input.focus({ preventScroll: true });
}

/**
 * "Publish this version?" — and, when some text lacks a language, what lacks which, with "Publish
 * anyway" and "Go back and translate": an observer reading another language would otherwise see the
 * text in a language they may not read, or nothing. A warning, not a refusal: a mission may start
 * before the last translation is in.
 */
export function PublishDialog({
  opened,
  def,
  loading,
  onPublish,
  onClose,
  onBack,
}: {
  opened: boolean;
  def: FormDefinition;
  loading: boolean;
  onPublish: () => void;
  onClose: () => void;
  /** "Go back and translate", before the dialog closes: show the editor (a phone may be on the preview). */
  onBack: () => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const missing = useMemo(() => (opened ? missingTranslations(def) : []), [opened, def]);
  const body = t('builder.publishBody', { title: pick(def.title, lng) });
  // Set by "Go back and translate"; the focus moves once the dialog has gone (it holds the focus till then).
  const back = useRef(false);
  return (
    <ConfirmModal
      opened={opened}
      title={missing.length ? t('builder.untranslated.title') : t('builder.publishTitle')}
      confirmLabel={missing.length ? t('builder.untranslated.publish') : t('builder.publish')}
      cancelLabel={missing.length ? t('builder.untranslated.back') : undefined}
      loading={loading}
      onConfirm={onPublish}
      onClose={onClose}
      onCancel={
        missing.length
          ? () => {
              back.current = true;
              onBack();
              onClose();
            }
          : undefined
      }
      onExited={() => {
        if (back.current) focusFirstMissing();
        back.current = false;
      }}
    >
      {missing.length === 0 ? (
        body
      ) : (
        <Stack gap="sm">
          <Text>{t('builder.untranslated.intro', { count: missing.length })}</Text>
          <ScrollArea.Autosize mah="40vh" type="auto" offsetScrollbars>
            <List size="sm" spacing={6} data-testid="publish-missing">
              {missing.map((m, i) => (
                <List.Item key={i}>
                  <Text span size="sm" fw={500}>
                    {describe(t, m, lng)}
                  </Text>
                  <Text span size="sm" c="dimmed">
                    {` — ${t('builder.missing')}: ${m.langs.map((l) => t(`lang.${l}`)).join(', ')}`}
                  </Text>
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
          <Text size="sm">{body}</Text>
        </Stack>
      )}
    </ConfirmModal>
  );
}
