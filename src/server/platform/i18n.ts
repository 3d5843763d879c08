import i18next, { type i18n } from 'i18next';
import { resources, type Locale } from '../../core/i18n/index.ts';

let instance: i18n | undefined;

/** The server's translator over the same catalogs the web app uses (errors and field names). */
function translator(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      resources,
      lng: 'en',
      fallbackLng: 'en',
      ns: ['errors', 'fields'],
      defaultNS: 'errors',
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  }
  return instance;
}

export function tr(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  return translator().getFixedT(locale)(key, params);
}

/** A field's name in the language, falling back to the raw path when no label exists. */
export function fieldLabel(locale: Locale, path: string): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path;
  const key = `fields:${last}`;
  const t = translator().getFixedT(locale);
  return translator().exists(key, { lng: locale }) ? t(key) : path || t('fields:body');
}
