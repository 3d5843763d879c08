import type { ShippedTerm } from './vocab.sources.ts';
import { term } from './vocab.rights.term.ts';
import { UNVERIFIED, VERIFIED } from './vocab.rights.constitution.ts';

/**
 * Rights affected: the Constitution of the Kyrgyz Republic (2021) and the articles of ICCPR, CAT,
 * CEDAW and CRC most used in Bir Duino's work. Labels are Ukuk's own short paraphrases (drafts until a
 * speaker reviews them). Constitution article numbers: ONLY those the source file lists as verified
 * (reference/constitution/SOURCE.md); every other right is imported without a number until an
 * administrator checks the official text and enters it.
 */

export { INTL_RIGHTS } from './vocab.rights.treaties.ts';

interface ConstitutionFile {
  verified: { article: string; paragraph?: string; label_en: string }[];
  unverified: { right: string; article: string | null }[];
}

/** The `kg_constitution` scheme from the source file; an entry this file has no labels for keeps its English. */
export function constitutionTerms(file: ConstitutionFile): ShippedTerm[] {
  const out: ShippedTerm[] = [];
  for (const v of file.verified) {
    const ref = v.paragraph ? `${v.article}(${v.paragraph})` : v.article;
    const known = VERIFIED[ref];
    const code = known?.[0] ?? `art_${ref.replace(/\W+/g, '_')}`;
    out.push(term(code, known?.[1] ?? ['', '', v.label_en], ref));
  }
  for (const u of file.unverified) {
    const known = UNVERIFIED[u.right];
    const code =
      known?.[0] ??
      u.right
        .toLowerCase()
        .replace(/[^a-z]+/g, '_')
        .slice(0, 40);
    out.push(term(code, known?.[1] ?? ['', '', u.right], null));
  }
  return out.map((t) => ({
    ...t,
    kyStatus: t.ky ? 'draft' : 'missing',
    ruStatus: t.ru ? 'draft' : 'missing',
  }));
}
