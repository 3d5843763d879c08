/**
 * A full name as tokens, and the keys a name is indexed and looked up under. Pure functions.
 *
 * The keys are what the server turns into keyed HMAC blind indexes, so that intake can find an
 * existing person without decrypting the people table: a query's keys select candidate people,
 * whose names alone are then decrypted and ranked with compareNames.
 */
import { normalizeText } from '../text.ts';
import { collapseRepeats, initialClass, latinize, skeletonOf } from './translit.ts';

export interface NameToken {
  /** The token as written (NFC), for the "identical" verdict. */
  text: string;
  /** Lower-cased with ё folded to е. */
  folded: string;
  /** phoneticKey of the token (for a joined Kyrgyz marker: of the father's name alone). */
  phon: string;
  /** skeletonOf(phon). */
  skel: string;
  /** A single letter, or up to three letters followed by a dot ("А.", "Yu.", "Zh."). */
  initial: boolean;
  /** A father's name: by its suffix (-ovich, -evna…) or by a Kyrgyz/Uzbek marker after it. */
  patronymic: boolean;
  /** The patronymic was a bare father's name marked by уулу/кызы (Бакыт уулу), not -ovich. */
  fatherName: boolean;
}

export type NameKeyKind = 'phon' | 'skel' | 'pair';
export interface NameKey {
  kind: NameKeyKind;
  value: string;
}

/**
 * How many candidates the server decrypts and reranks with compareNames, taking the people that
 * share the most distinct keys with the query. (Weighting pair keys above phonetic and skeleton
 * keys was tried and recalled no more, at 3,000 or at 51,000 people: plain counting it is.)
 */
export const CANDIDATE_LIMIT = 50;

// Tokens beyond this many are ignored; bounds the assignment in compare.ts (2^n states).
export const MAX_NAME_TOKENS = 8;
// Tokens shorter than this get no skeleton key: "ali" → "al" would match half the table.
const MIN_SKELETON_PHON = 4;
// Pair keys are built among this many leading given/family tokens, so a long name stays cheap.
const PAIR_TOKENS = 3;

// "son of"/"daughter of" written as a separate word after the father's name, in phonetic form:
// Kyrgyz уулу/кызы, Kazakh ұлы/қызы, Uzbek o‘g‘li/qizi, Azerbaijani oğlu/qızı.
const MARKERS = new Set(['ulu', 'uli', 'kizi', 'gizi', 'ogli', 'oglu', 'ugli']);
// The same markers written together with the father's name (Бакытуулу), in unfolded Latin.
const JOINED_MARKER = /(uulu|kizi)$/;
// Russian-style patronymic endings in phonetic form: -ovich/-evich/-vich, -ovna/-evna/-vna,
// -ichna (Ильинична); German -owitsch and English -ovitch fold to the same endings.
const PATRONYMIC_SUFFIX = /(vich|vna|ichna)$/;

// A letter run that may hold apostrophes (Uzbek o‘g‘li, D'yakov). Hyphens split: "Петрова-Исмаилова"
// becomes two tokens so either half matches a record that has only one of them, and "Кара-Суу" and
// "Кара Суу" agree. The cost: "Karasuu" written joined does not match "Кара-Суу".
const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’ʻʼ‘`´]*/gu;

function token(text: string, initial: boolean, phonOverride?: string): NameToken {
  const phon = phonOverride ?? collapseRepeats(latinize(text));
  return {
    text,
    folded: normalizeText(text),
    phon,
    skel: skeletonOf(phon),
    initial,
    patronymic: false,
    fatherName: false,
  };
}

function isInitial(letters: string, dotted: boolean, phon: string): boolean {
  if (letters.length === 1) return true;
  // "Yu.", "Zh.", "Dzh." are one Cyrillic letter written with several Latin ones.
  return dotted && letters.length <= 3 && phon.length <= 2;
}

/** Split a full name into tokens, flagging initials and patronymics and dropping уулу/кызы. */
export function nameTokens(full: string): NameToken[] {
  const text = full.normalize('NFC');
  const out: NameToken[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const dotted = text.charAt(m.index + raw.length) === '.';
    const letters = raw.replace(/[^\p{L}\p{M}]/gu, '');
    const latin = latinize(raw);
    const phon = collapseRepeats(latin);
    if (phon.length === 0) continue;
    if (MARKERS.has(phon) && letters.length > 2) {
      // The marker follows the father's name; a marker after an initial or alone marks nothing.
      const father = out[out.length - 1];
      if (father && !father.initial) {
        father.patronymic = true;
        father.fatherName = true;
      }
      continue;
    }
    const joined = JOINED_MARKER.exec(latin);
    if (joined && latin.length - joined[0].length >= 3) {
      const t = token(raw, false, collapseRepeats(latin.slice(0, -joined[0].length)));
      t.patronymic = true;
      t.fatherName = true;
      out.push(t);
      continue;
    }
    const t = token(raw, isInitial(letters, dotted, phon), phon);
    const suffix = PATRONYMIC_SUFFIX.exec(phon);
    t.patronymic = !t.initial && suffix !== null && phon.length >= suffix[0].length + 2;
    out.push(t);
  }
  return out.slice(0, MAX_NAME_TOKENS);
}

function addKey(keys: Map<string, NameKey>, kind: NameKeyKind, value: string): void {
  if (value.length > 0) keys.set(`${kind}:${value}`, { kind, value });
}

function tokenKeys(keys: Map<string, NameKey>, tokens: readonly NameToken[]): void {
  for (const t of tokens) {
    if (t.initial) continue;
    addKey(keys, 'phon', t.phon);
    if (t.phon.length >= MIN_SKELETON_PHON) addKey(keys, 'skel', t.skel);
  }
}

/** Given/family tokens (not patronymics, not initials) that pair keys are built from. */
function pairTokens(tokens: readonly NameToken[]): NameToken[] {
  return tokens.filter((t) => !t.initial && !t.patronymic).slice(0, PAIR_TOKENS);
}

/** A pair key: one token in full with the initial of another ("ismailova|a"). */
function pairValue(full: NameToken, other: NameToken): string {
  return `${full.phon}|${initialClass(other.phon)}`;
}

/**
 * Keys to index for a stored name: phon (and skel for 4+ letters) of every full token, and a pair
 * key for each ordered pair among the first three given/family tokens, so that "Исмаилова А."
 * finds "Aigul Ismailova". A three-part name yields at most 3 + 3 + 6 keys, usually 6 to 8.
 */
export function nameKeys(full: string | readonly NameToken[]): NameKey[] {
  const tokens = typeof full === 'string' ? nameTokens(full) : full;
  const keys = new Map<string, NameKey>();
  tokenKeys(keys, tokens);
  const mains = pairTokens(tokens);
  for (const a of mains) for (const b of mains) if (a !== b) addKey(keys, 'pair', pairValue(a, b));
  return [...keys.values()];
}

/**
 * Keys to look a query up by: the same phon/skel/pair keys as nameKeys, plus a pair key for each
 * full given/family token with each initial of the query. Full-with-full pairs are included too:
 * they match the stored pairs exactly and rank the right person above namesakes.
 */
export function queryKeys(full: string | readonly NameToken[]): NameKey[] {
  const tokens = typeof full === 'string' ? nameTokens(full) : full;
  const keys = new Map<string, NameKey>();
  for (const k of nameKeys(tokens)) keys.set(`${k.kind}:${k.value}`, k);
  const initials = tokens.filter((t) => t.initial);
  for (const a of pairTokens(tokens)) for (const i of initials) addKey(keys, 'pair', pairValue(a, i));
  return [...keys.values()];
}
