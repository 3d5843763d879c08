/**
 * Text normalisation shared by search, blind indexes and conflict checks. Pure functions.
 * Kyrgyz letters ң ө ү stay distinct (they are different letters, not accented н о у); ё folds to е
 * because Russian writers use them interchangeably.
 */
export function normalizeText(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('ky').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** Lower-cased e-mail in NFC; e-mails are compared case-insensitively. */
export function normalizeEmail(s: string): string {
  return s.normalize('NFC').trim().toLowerCase();
}

/** Split normalised text into word tokens (letters and digits of any script). */
export function tokenize(s: string): string[] {
  return normalizeText(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}
