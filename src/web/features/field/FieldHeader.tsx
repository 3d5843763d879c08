import { ActionIcon, Badge, Group, SegmentedControl, Stack, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, applyLocale, storeLocale, type Locale } from '../../i18n';
import { useField } from './context';

/**
 * Title, connection state and the language switch; `back` shows a large back arrow, and `onBack`, when
 * given, decides what it does (a form with unsaved answers asks first).
 */
export function FieldHeader({
  title,
  back,
  onBack,
}: {
  title: string;
  back?: string;
  onBack?: () => void;
}): ReactElement {
  const { t } = useTranslation('field');
  const { online, lang, go } = useField();
  // Two rows: on a 375 px phone the title needs the whole width (Kyrgyz words are long).
  return (
    <Stack gap={6} py="sm">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Badge color={online ? 'teal' : 'gray'} variant="light" data-testid="field-online">
          {online ? t('online') : t('offline')}
        </Badge>
        <LanguageSwitch lang={lang} />
      </Group>
      <Group gap="xs" wrap="nowrap">
        {back !== undefined && (
          <ActionIcon
            size={48}
            variant="subtle"
            aria-label={t('back')}
            data-testid="field-back"
            onClick={() => (onBack ? onBack() : go(back))}
          >
            <span aria-hidden style={{ fontSize: 28 }}>
              ←
            </span>
          </ActionIcon>
        )}
        <Title order={1} size="h3" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
      </Group>
    </Stack>
  );
}

/** KY / RU / EN, kept on this device; also before login, where a phone in Russian must not hold the observer to it. */
export function LanguageSwitch({ lang }: { lang: Locale }): ReactElement {
  const { t } = useTranslation('field');
  return (
    <SegmentedControl
      size="sm"
      aria-label={t('language')}
      value={lang}
      data={LOCALES.map((l) => ({ value: l, label: l.toUpperCase() }))}
      onChange={(v) => {
        storeLocale(v);
        void applyLocale(v);
      }}
    />
  );
}
