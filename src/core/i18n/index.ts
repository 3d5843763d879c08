import enErrors from './locales/en/errors.json';
import ruErrors from './locales/ru/errors.json';
import kyErrors from './locales/ky/errors.json';
import enFields from './locales/en/fields.json';
import ruFields from './locales/ru/fields.json';
import kyFields from './locales/ky/fields.json';
import enUi from './locales/en/ui.json';
import ruUi from './locales/ru/ui.json';
import kyUi from './locales/ky/ui.json';
import enPeople from './locales/en/people.json';
import ruPeople from './locales/ru/people.json';
import kyPeople from './locales/ky/people.json';
import enCases from './locales/en/cases.json';
import ruCases from './locales/ru/cases.json';
import kyCases from './locales/ky/cases.json';
import enGeo from './locales/en/geo.json';
import ruGeo from './locales/ru/geo.json';
import kyGeo from './locales/ky/geo.json';
import enCalendar from './locales/en/calendar.json';
import ruCalendar from './locales/ru/calendar.json';
import kyCalendar from './locales/ky/calendar.json';
import enDocuments from './locales/en/documents.json';
import ruDocuments from './locales/ru/documents.json';
import kyDocuments from './locales/ky/documents.json';
import enIntake from './locales/en/intake.json';
import ruIntake from './locales/ru/intake.json';
import kyIntake from './locales/ky/intake.json';
import enVstats from './locales/en/vstats.json';
import ruVstats from './locales/ru/vstats.json';
import kyVstats from './locales/ky/vstats.json';
import enVocab from './locales/en/vocab.json';
import ruVocab from './locales/ru/vocab.json';
import kyVocab from './locales/ky/vocab.json';
import enViolations from './locales/en/violations.json';
import ruViolations from './locales/ru/violations.json';
import kyViolations from './locales/ky/violations.json';
import enMonitoring from './locales/en/monitoring.json';
import ruMonitoring from './locales/ru/monitoring.json';
import kyMonitoring from './locales/ky/monitoring.json';
import enField from './locales/en/field.json';
import ruField from './locales/ru/field.json';
import kyField from './locales/ky/field.json';
import enForms from './locales/en/forms.json';
import ruForms from './locales/ru/forms.json';
import kyForms from './locales/ky/forms.json';
import { LOCALES, type Locale } from '../roles.ts';

export { LOCALES, type Locale };

/** Every catalog, by language and namespace: one source for the server, the web app and the key check. */
export const resources = {
  ky: {
    errors: kyErrors,
    fields: kyFields,
    ui: kyUi,
    people: kyPeople,
    cases: kyCases,
    geo: kyGeo,
    calendar: kyCalendar,
    documents: kyDocuments,
    intake: kyIntake,
    violations: kyViolations,
    vstats: kyVstats,
    vocab: kyVocab,
    monitoring: kyMonitoring,
    field: kyField,
    forms: kyForms,
  },
  ru: {
    errors: ruErrors,
    fields: ruFields,
    ui: ruUi,
    people: ruPeople,
    cases: ruCases,
    geo: ruGeo,
    calendar: ruCalendar,
    documents: ruDocuments,
    intake: ruIntake,
    violations: ruViolations,
    vstats: ruVstats,
    vocab: ruVocab,
    monitoring: ruMonitoring,
    field: ruField,
    forms: ruForms,
  },
  en: {
    errors: enErrors,
    fields: enFields,
    ui: enUi,
    people: enPeople,
    cases: enCases,
    geo: enGeo,
    calendar: enCalendar,
    documents: enDocuments,
    intake: enIntake,
    violations: enViolations,
    vstats: enVstats,
    vocab: enVocab,
    monitoring: enMonitoring,
    field: enField,
    forms: enForms,
  },
} as const;

export const NAMESPACES = [
  'errors',
  'fields',
  'ui',
  'people',
  'cases',
  'geo',
  'calendar',
  'documents',
  'intake',
  'violations',
  'vstats',
  'vocab',
  'monitoring',
  'field',
  'forms',
] as const;

/** Pick the best supported language from an Accept-Language header or a list of tags. */
export function pickLocale(accept: string | undefined | null, fallback: Locale = 'en'): Locale {
  if (!accept) return fallback;
  const tags = accept
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    const base = tag.split('-')[0] as Locale;
    if ((LOCALES as readonly string[]).includes(base)) return base;
  }
  return fallback;
}

export function isLocale(s: unknown): s is Locale {
  return typeof s === 'string' && (LOCALES as readonly string[]).includes(s);
}
