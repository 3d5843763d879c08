import { useTranslation } from 'react-i18next';
import type { L10n } from '../../../core/forms/types';
import { asLocale, type Locale } from '../../i18n';

export const LANGS = ['ky', 'ru', 'en'] as const satisfies readonly Locale[];

/** The UI language as one of the three. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return asLocale(i18n.resolvedLanguage ?? i18n.language) ?? 'ky';
}

/** A form text in a language, else the first language that has it (a draft may lack translations). */
export function pick(text: L10n | string | null | undefined, lng: Locale): string {
  if (!text) return '';
  if (typeof text === 'string') return text;
  if (text[lng]) return text[lng];
  for (const l of ['ru', 'en', 'ky'] as const) if (text[l]) return text[l];
  return '';
}

/** `(text) => string` in the UI language. */
export function useL10n(): (text: L10n | string | null | undefined) => string {
  const lng = useLocale();
  return (text) => pick(text, lng);
}

/** Languages a label still lacks. */
export function missingLangs(text: L10n | undefined): Locale[] {
  return LANGS.filter((l) => !text?.[l]?.trim());
}

export const emptyL10n = (): L10n => ({ ky: '', ru: '', en: '' });
