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
