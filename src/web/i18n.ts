import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, resources, type Locale } from '../core/i18n';

export { LOCALES, type Locale };

const STORAGE_KEY = 'ukuk.locale';

/** Narrows any string to a supported locale, or undefined. */
export function asLocale(value: string | null | undefined): Locale | undefined {
  if (!value) {
    return undefined;
  }
  const base = value.toLowerCase().split('-')[0];
  return LOCALES.find((l) => l === base);
}

/** The language a visitor chose before logging in, if any. */
export function storedLocale(): Locale | undefined {
  try {
    return asLocale(localStorage.getItem(STORAGE_KEY));
  } catch {
    return undefined;
  }
}

/** Remembers the visitor's choice on this device. */
export function storeLocale(lng: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode or storage disabled: the choice just lasts for this page view.
  }
}

/** Picks the first of the browser's preferred languages that we support. */
export function browserLocale(): Locale | undefined {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const lng = asLocale(tag);
    if (lng) {
      return lng;
    }
  }
  return undefined;
}

/** Switches the UI language and keeps `<html lang>` in sync for screen readers. */
export async function applyLocale(lng: Locale): Promise<void> {
  document.documentElement.lang = lng;
  if (i18n.language !== lng) {
    await i18n.changeLanguage(lng);
  }
}

/** Initialises i18next with the visitor's stored or browser language (ky as last resort). */
export async function initI18n(): Promise<typeof i18n> {
  const lng = storedLocale() ?? browserLocale() ?? 'ky';
  await i18n.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    ns: [
      'ui',
      'errors',
      'fields',
      'people',
      'cases',
      'geo',
      'calendar',
      'documents',
      'intake',
      'vstats',
      'vocab',
      'monitoring',
      'field',
      'forms',
    ],
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // `{{noun, lowerfirst}}`: a name written to start a label ("Incident") used mid-sentence ("Add:
  // incident"); Kyrgyz word order puts it first and keeps it as written.
  i18n.services.formatter?.add('lowerfirst', (value: unknown) =>
    typeof value === 'string' ? value.charAt(0).toLocaleLowerCase() + value.slice(1) : String(value),
  );
  document.documentElement.lang = lng;
  return i18n;
}

export { i18n };
