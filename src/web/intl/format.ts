import { useTranslation } from 'react-i18next';

/** Every time in the UI is shown in Kyrgyzstan's time zone, whatever the device says. */
export const TIME_ZONE = 'Asia/Bishkek';

const cache = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter, in Bishkek time unless `options` names another zone. */
export function formatter(lng: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lng}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lng, { timeZone: TIME_ZONE, ...options });
    cache.set(key, f);
  }
  return f;
}

/** Formats an ISO timestamp as date + time in Bishkek time, or returns null for null input. */
export function formatDateTime(lng: string, iso: string | null | undefined): string | null {
  if (!iso) {
    return null;
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return iso;
  }
  return formatter(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/**
 * A time of today (in Bishkek) as the time alone, any other as date and time: for figures read again and
 * again on election day, where "03:36" says more at a glance than the full date beside it.
 */
export function formatRecent(lng: string, iso: string | null | undefined, now = new Date()): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = formatter('en-CA', { dateStyle: 'short' });
  return day.format(d) === day.format(now)
    ? formatter(lng, { timeStyle: 'short' }).format(d)
    : formatDateTime(lng, iso);
}

/** Formats an ISO timestamp as a long date ("2025-ж., 8-март"). */
export function formatDate(lng: string, iso: string): string {
  return formatter(lng, { dateStyle: 'long' }).format(new Date(iso));
}

/** Formats a number with the current language's separators. */
export function formatNumber(lng: string, n: number): string {
  return new Intl.NumberFormat(lng).format(n);
}

/** Hook returning date/number formatters bound to the current UI language. */
export function useFormat(): {
  dateTime: (iso: string | null | undefined) => string | null;
  recent: (iso: string | null | undefined) => string | null;
  date: (iso: string) => string;
  number: (n: number) => string;
} {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return {
    dateTime: (iso) => formatDateTime(lng, iso),
    recent: (iso) => formatRecent(lng, iso),
    date: (iso) => formatDate(lng, iso),
    number: (n) => formatNumber(lng, n),
  };
}
