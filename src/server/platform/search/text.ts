import { newStemmer, type Stemmer } from 'snowball-stemmers';
import { tokenize } from '../../../core/text.ts';

/**
 * Pure text handling for search, shared by both database backends so that SQLite and PostgreSQL see
 * the same words: normalisation (NFC, Kyrgyz lower-casing, ё→е) comes from `core/text.ts`; this module
 * adds stemming, prefix expansion for hashed (sensitive) terms and safe quoting for query syntaxes.
 */

export type SearchLang = 'ky' | 'ru' | 'en';

/** Hashes one normalised term; for sensitive text this is a keyed blind index, never plaintext. */
export type TermHasher = (term: string) => string;

/** Shortest prefix of a sensitive word that is indexed (shorter ones would match almost everything). */
export const PREFIX_MIN = 3;
/** Longest prefix indexed for sensitive words, in code points; bounds the hashes per word. */
export const PREFIX_MAX = 24;
/** A query uses at most this many terms; the rest are ignored (bounds query cost). */
export const MAX_QUERY_TERMS = 12;
/** Longest indexed token, in code points: longer "words" are noise (base64, hashes) and are cut. */
const MAX_TOKEN = 64;

// Stemmers are stateful objects but stateless between calls; one per language is enough.
const stemmers: Record<'ru' | 'en', Stemmer> = { ru: newStemmer('russian'), en: newStemmer('english') };

/** Normalised word tokens of a text, each cut to a bounded length. */
export function searchTokens(text: string): string[] {
  return tokenize(text).map((t) => cut(t, MAX_TOKEN));
}

/** Stem of one normalised token; Kyrgyz has no stemmer, so its words are matched by prefix instead. */
export function stem(lang: SearchLang, token: string): string {
  if (lang === 'ky') return token;
  // Snowball only stems words of its own alphabet; anything else comes back unchanged.
  return stemmers[lang].stem(token);
}

/** Distinct stems of the tokens of a public document (empty for Kyrgyz: nothing to add). */
export function documentStems(lang: SearchLang, tokens: readonly string[]): string[] {
  if (lang === 'ky') return [];
  return unique(tokens.map((t) => stem(lang, t)));
}

/**
 * What is indexed for one sensitive word: the word itself and each of its prefixes of PREFIX_MIN..
 * PREFIX_MAX code points, so that a hashed query term finds words it is a prefix of.
 */
export function indexedForms(token: string): string[] {
  const cps = Array.from(token);
  // A word longer than PREFIX_MAX is indexed as its PREFIX_MAX prefix; queries are cut the same way.
  const forms = [cps.slice(0, PREFIX_MAX).join('')];
  for (let n = PREFIX_MIN; n < Math.min(cps.length, PREFIX_MAX); n++) forms.push(cps.slice(0, n).join(''));
  return unique(forms);
}

/** Distinct hashes of every indexed form of every token of a sensitive document. */
export function documentHashes(tokens: readonly string[], hash: TermHasher): string[] {
  return unique(unique(tokens).flatMap(indexedForms).map(hash));
}

/** Distinct query terms, at most MAX_QUERY_TERMS. */
export function queryTerms(query: string): string[] {
  return unique(searchTokens(query)).slice(0, MAX_QUERY_TERMS);
}

/**
 * The forms under which one query term may appear in a sensitive document's hashes: the term (cut to
 * PREFIX_MAX, since longer prefixes were not indexed) and its Russian and English stems when those are
 * long enough to have been indexed as prefixes. Hashes are compared exactly.
 */
export function sensitiveQueryForms(term: string): string[] {
  const forms = [cut(term, PREFIX_MAX)];
  for (const lang of ['ru', 'en'] as const) {
    const s = stem(lang, term);
    if (Array.from(s).length >= PREFIX_MIN) forms.push(cut(s, PREFIX_MAX));
  }
  return unique(forms);
}

/** Stems of a query term to look up in public documents' stem column (Russian and English). */
export function queryStems(term: string): string[] {
  return unique([stem('ru', term), stem('en', term)]);
}

/** An FTS5 string literal: user text can never become FTS5 syntax (operators, columns, NEAR). */
export function fts5String(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A tsquery lexeme literal (quoted, with `'` and `\` escaped), optionally a prefix match. */
export function tsqueryLexeme(s: string, prefix = false): string {
  return `'${s.replace(/['\\]/g, (c) => `\\${c}`)}'${prefix ? ':*' : ''}`;
}

function cut(s: string, maxCodePoints: number): string {
  const cps = Array.from(s);
  return cps.length > maxCodePoints ? cps.slice(0, maxCodePoints).join('') : s;
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)].filter((x) => x.length > 0);
}
