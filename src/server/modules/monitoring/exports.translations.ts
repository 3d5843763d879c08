import type { Cell } from '../../../core/csv.ts';
import type { RecordKey } from '../../platform/crypto/envelope.ts';

/**
 * Reviewers' translations of a report in an export with names (ADR 0028): one column per language,
 * after the questions. Sealed under the report's own key like its answers, so they are opened where
 * the answers are: by the export worker, or by the main thread for the rows it opens itself. Part of
 * the workers' bundle: imports nothing but types.
 */

/** A row's translations by language: sealed (base64), or already opened by the main thread. */
export type RowTranslations = Record<string, string> | null;

/** The encrypted field a translation is stored under, beside the report's answers. */
export const translationField = (locale: string): string => `translation:${locale}`;

/** A row's translation cells in the export's language order; `key` null when they are opened already. */
export function translationCells(
  locales: readonly string[],
  sealed: RowTranslations | undefined,
  key: RecordKey | null,
): Cell[] {
  return locales.map((l) => {
    const v = sealed && Object.hasOwn(sealed, l) ? sealed[l] : undefined;
    if (typeof v !== 'string') return null;
    return key ? key.decrypt(translationField(l), v) : v;
  });
}

/** Opens a row's translations on the main thread (a row whose key never leaves it). */
export function openTranslations(sealed: RowTranslations | undefined, key: RecordKey): RowTranslations {
  if (!sealed) return null;
  const out: Record<string, string> = {};
  for (const [l, v] of Object.entries(sealed)) out[l] = key.decrypt(translationField(l), v);
  return out;
}
