/**
 * Search over vocabulary labels in Kyrgyz, Russian and English at once. People type Kyrgyz on a
 * Russian keyboard (о for ө, у for ү, н for ң), Russian without ё, and English without accents: the
 * query and the labels are folded the same way, and every word of the query must occur somewhere in
 * the term's labels, code or reference (as the start of a word).
 */
const FOLD: Record<string, string> = { ө: 'о', ү: 'у', ң: 'н', һ: 'х', ё: 'е', й: 'и' };

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[өүңһёй]/g, (c) => FOLD[c]!)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a query, folded; empty when there is nothing to search for. */
export function queryWords(query: string): string[] {
  return normalise(query).split(' ').filter(Boolean);
}

/** One folded string to search a term in: all labels, the code and the reference. */
export function haystack(parts: (string | null | undefined)[]): string {
  return ` ${parts
    .filter(Boolean)
    .map((p) => normalise(p!))
    .join(' ')} `;
}

/**
 * Every word of the query starts a word of the haystack: Kyrgyz and Russian add endings to a stem, so
 * "кыйноо" finds "кыйноолор" and "пытк" finds "пытки", but not "попытка".
 */
export function matches(hay: string, words: readonly string[]): boolean {
  return words.every((w) => hay.includes(` ${w}`));
}
