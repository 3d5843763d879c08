import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Required inputs of a small form that say so when a save is tried without them. A button greyed out
 * until every field is filled tells nobody which field is missing (a screen reader does not even
 * announce it), so the button stays enabled and the empty fields are named at the press.
 */
export function useRequired<K extends string>(
  values: Record<K, string>,
): {
  /** The error to show under input `k`: none until a save was tried. */
  error: (k: K) => string | undefined;
  /** True when every required value is there; otherwise shows the errors and focuses the first. */
  check: (form: HTMLElement | null) => boolean;
  /** Back to saying nothing, for a form emptied after a save to take the next entry. */
  reset: () => void;
} {
  const { t } = useTranslation('ui');
  const [tried, setTried] = useState(false);
  const missing = (k: K) => !values[k].trim();
  return {
    error: (k) => (tried && missing(k) ? t('common.validation.required') : undefined),
    check: (form) => {
      setTried(true);
      if ((Object.keys(values) as K[]).every((k) => !missing(k))) return true;
      // After the errors render: Mantine marks an input with an error aria-invalid.
      requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return false;
    },
    reset: () => setTried(false),
  };
}
