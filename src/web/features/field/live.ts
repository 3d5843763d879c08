import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import { labelIn } from '../../../core/forms/messages';
import type { L10n } from '../../../core/forms/types';
import type { Locale } from '../../i18n';

/** Re-renders when the IndexedDB rows a query read change (Dexie liveQuery), in this tab or another. */
export function useLive<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: setValue,
      error: (e: unknown) => console.error(e),
    });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}

/** A form label in the observer's language, else the first translation there is. */
export function loc(text: L10n | undefined, lang: Locale): string {
  return labelIn(text, lang, '');
}

/** ISO 8601 with the device's UTC offset (what a datetime answer holds), e.g. 2026-11-29T07:05:00+06:00. */
export function isoWithOffset(d: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:00` +
    `${sign}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`
  );
}

/** The device's calendar day, YYYY-MM-DD. */
export function localDate(d: Date): string {
  return isoWithOffset(d).slice(0, 10);
}
