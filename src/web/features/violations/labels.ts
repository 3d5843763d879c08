import { useTranslation } from 'react-i18next';
import type { PersonRef } from './api';
import { formatPartialDate, formatPeriod } from './dates';

/** Partial dates and periods in the UI language. */
export function usePartialDates(): {
  date: (s: string | null | undefined) => string | null;
  period: (a: string | null | undefined, b: string | null | undefined) => string | null;
} {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return {
    date: (s) => formatPartialDate(lng, s),
    period: (a, b) => formatPeriod(lng, a, b),
  };
}

/** A person's name, or "a person you may not see" when the registry withholds it from this user. */
export function usePersonName(): (p: PersonRef | null | undefined) => string {
  const { t } = useTranslation('violations');
  return (p) => (p ? (p.name ?? t('person.hidden')) : t('person.none'));
}
