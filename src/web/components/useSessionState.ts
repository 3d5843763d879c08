import { useCallback, useState } from 'react';

/**
 * A value kept in sessionStorage under `key`: it survives leaving the page and coming back in this
 * browser tab (a reviewer opens a report, then returns to the list they had filtered), not the tab
 * itself, and is never written to localStorage. Only for choices that say nothing sensitive (ids,
 * statuses). What is read back is checked by `read`, which returns the initial value for anything it
 * does not accept; storage may be unavailable (private mode), and the value then lasts for this view.
 */
export function useSessionState<T>(
  key: string,
  initial: T,
  read: (stored: unknown) => T,
): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = sessionStorage.getItem(key);
      return raw === null ? initial : read(JSON.parse(raw));
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (v: T) => {
      setValue(v);
      try {
        sessionStorage.setItem(key, JSON.stringify(v));
      } catch {
        // Kept for this page view only.
      }
    },
    [key],
  );
  return [value, set];
}
