/**
 * Detailed comparison of two full names, for reranking the few candidates the blind-index lookup
 * found. Works on decrypted names in memory; pure functions.
 *
 * Each name is a set of tokens; query tokens are assigned to stored tokens (at most one each) so
 * that the total similarity is greatest, whatever the order. The score is a weighted Dice
 * coefficient over that assignment: what matched, counted on both sides, over the weight of both
 * names. It is symmetric, 1 for the same name and 0 when nothing matches.
 */
import { nameTokens, type NameToken } from './names.ts';
import { firstLetterClass, initialClass } from './translit.ts';

/** Every reason compareNames gives, in display order (strongest token verdict first). */
export const NAME_MATCH_REASONS = [
  'identical',
  'case_or_yo',
  'transliteration',
  'similar_spelling',
  'initial',
  'order_swapped',
  'patronymic_ignored',
  'patronymic_differs',
  'partial',
] as const;
export type MatchReason = (typeof NAME_MATCH_REASONS)[number];

export interface NameMatch {
  /** 0..1; at or above MATCH_THRESHOLD the person is shown as a possible match. */
  score: number;
  /** Why, in the order of NAME_MATCH_REASONS. */
  reasons: MatchReason[];
}

/** The score from which a stored name counts as a match (the server and the benchmark use it). */
export const MATCH_THRESHOLD = 0.7;

type TokenReason = Extract<
  MatchReason,
  'identical' | 'case_or_yo' | 'transliteration' | 'similar_spelling' | 'initial'
>;

const SIMILARITY: Readonly<Record<TokenReason, number>> = {
  identical: 1,
  case_or_yo: 1,
  transliteration: 0.95,
  similar_spelling: 0.8,
  // An initial agrees with many names, so it carries little more than half a token.
  initial: 0.6,
};

// A patronymic beside a given name and a surname is often left out, so it weighs little; but when
// it is the only family part (Нурлан Бакыт уулу) it weighs as much as a surname.
const PATRONYMIC_WEIGHT = 0.25;
// When both names have a patronymic and they disagree, the fathers differ: weigh them in full.
const DIFFERING_PATRONYMIC_WEIGHT = 1;

interface Verdict {
  sim: number;
  reason: TokenReason;
}

/** Optimal-string-alignment distance (Damerau-Levenshtein with adjacent swaps), capped at max+1. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[b.length]!, max + 1);
}

// Endings shared by many family names and patronymics; the edit budget is set by the rest of the
// token, so that Sanjarova/Anvarova (two edits in nine letters, six of them a stem) stay apart.
const COMMON_ENDING = /(ovna|evna|ovich|evich|ova|eva|ov|ev)$/;

// Endings that make a surname from a man's name: Бакыт → Бакытов(а), Атамбай → Атамбаев(а).
const SURNAME_ENDINGS = new Set(['ov', 'ova', 'ev', 'eva']);

/** Is `surname` made from `name` (Бакыт → Бакытов, Атамбай → Атамбаев, Сатыбалды → Сатыбалдиев)? */
function isSurnameFrom(surname: string, name: string): boolean {
  // The final й or и of the name may give way to the -ев ending (phonetic i).
  return [name, name.replace(/i$/, '')].some(
    (base) => surname.startsWith(base) && SURNAME_ENDINGS.has(surname.slice(base.length)),
  );
}

function similarSpelling(a: NameToken, b: NameToken): boolean {
  const [short, long] = a.phon.length <= b.phon.length ? [a.phon, b.phon] : [b.phon, a.phon];
  // Токтогул/Токтогулов are a name and a surname made from it: "Маматали Токтогул уулу" and
  // "Маматали Токтогулов" may be one person, but in the benchmark such pairs were as often two
  // people, and matching them cost precision (91% → 88%). Бакытов/Бакытова are brother and sister.
  if (isSurnameFrom(long, short)) return false;
  if (long === `${short}a` && /(ov|ev|in)$/.test(short)) return false;
  // One edit from five letters on, two once the stem alone has eight.
  const stem = short.replace(COMMON_ENDING, '').length;
  const budget = stem >= 8 ? 2 : long.length >= 5 ? 1 : 0;
  // Skeletons ignore vowels, so they count only for tokens of nearly equal length within two
  // edits (Ismailova/Ismoilova, Asel/Asle; not Tologon/Tolgonai).
  const sameSkeleton =
    short.length >= 4 && long.length - short.length <= 1 && a.skel.length >= 3 && a.skel === b.skel;
  // Names one letter apart at the start are usually different names (Мария/Дарья, Жибек/Айбек),
  // and the first letter is rarely mistyped; only letters schemes trade there may differ.
  if (!sameSkeleton && firstLetterClass(short) !== firstLetterClass(long)) return false;
  const limit = sameSkeleton ? Math.max(budget, 2) : budget;
  return limit > 0 && editDistance(short, long, limit) <= limit;
}

/**
 * Whether a patronymic may pair with a given or family name at all. A -ovich/-ovna patronymic
 * never may. A bare father's name (Бакыт уулу) may when the other name has no patronymic of its
 * own: the marker was left out (Нурлан Бакыт). When both names have a patronymic, roles must
 * agree, or a father and his son (Бакыт Нурлан уулу / Нурлан Бакыт уулу) would match.
 */
function rolesAllow(a: NameToken, b: NameToken, aHasPat: boolean, bHasPat: boolean): boolean {
  if (a.initial || b.initial || a.patronymic === b.patronymic) return true;
  const [pat, otherHasPat] = a.patronymic ? [a, bHasPat] : [b, aHasPat];
  return pat.fatherName && !otherHasPat;
}

function tokenVerdict(a: NameToken, b: NameToken): Verdict | null {
  const v = (reason: TokenReason): Verdict => ({ sim: SIMILARITY[reason], reason });
  if (a.initial !== b.initial) return initialClass(a.phon) === initialClass(b.phon) ? v('initial') : null;
  if (a.text === b.text) return v('identical');
  if (a.folded === b.folded) return v('case_or_yo');
  if (a.phon === b.phon) return v('transliteration');
  // Two initials: the same letter in another script is a transliteration, a related one (Ж./J./И.)
  // only an initial.
  if (a.initial) return initialClass(a.phon) === initialClass(b.phon) ? v('initial') : null;
  if (similarSpelling(a, b)) return v('similar_spelling');
  return null;
}

function weights(tokens: readonly NameToken[]): number[] {
  const familyParts = tokens.filter((t) => !t.patronymic).length;
  return tokens.map((t) => (t.patronymic && familyParts >= 2 ? PATRONYMIC_WEIGHT : 1));
}

interface Assignment {
  value: number;
  pairs: Array<{ q: number; s: number; verdict: Verdict }>;
}

/** Best one-to-one assignment by dynamic programming over the set of stored tokens used. */
function assign(q: readonly NameToken[], s: readonly NameToken[], wq: number[], ws: number[]): Assignment {
  const qPat = q.some((t) => t.patronymic);
  const sPat = s.some((t) => t.patronymic);
  const verdicts = q.map((a) => s.map((b) => (rolesAllow(a, b, qPat, sPat) ? tokenVerdict(a, b) : null)));
  const states = 1 << s.length;
  const memo = new Float64Array((q.length + 1) * states).fill(-1);
  const choice = new Int8Array((q.length + 1) * states).fill(-1);
  const best = (i: number, used: number): number => {
    if (i === q.length) return 0;
    const at = i * states + used;
    if (memo[at]! >= 0) return memo[at]!;
    let value = best(i + 1, used);
    let pick = -1;
    for (let j = 0; j < s.length; j++) {
      const verdict = verdicts[i]![j];
      if (!verdict || used & (1 << j)) continue;
      const v = verdict.sim * (wq[i]! + ws[j]!) + best(i + 1, used | (1 << j));
      if (v > value + 1e-12) [value, pick] = [v, j];
    }
    memo[at] = value;
    choice[at] = pick;
    return value;
  };
  const value = best(0, 0);
  const pairs: Assignment['pairs'] = [];
  for (let i = 0, used = 0; i < q.length; i++) {
    const j = choice[i * states + used]!;
    if (j < 0) continue;
    pairs.push({ q: i, s: j, verdict: verdicts[i]![j]! });
    used |= 1 << j;
  }
  return { value, pairs };
}

function reasonsOf(a: Assignment, q: readonly NameToken[], s: readonly NameToken[]): Set<MatchReason> {
  const reasons = new Set<MatchReason>(a.pairs.map((p) => p.verdict.reason));
  if (a.pairs.some((p, k) => k > 0 && p.s < a.pairs[k - 1]!.s)) reasons.add('order_swapped');
  const loneQ = q.filter((_, i) => !a.pairs.some((p) => p.q === i));
  const loneS = s.filter((_, j) => !a.pairs.some((p) => p.s === j));
  if ([...loneQ, ...loneS].some((t) => !t.patronymic)) reasons.add('partial');
  const patQ = loneQ.some((t) => t.patronymic);
  const patS = loneS.some((t) => t.patronymic);
  if (patQ && patS) reasons.add('patronymic_differs');
  else if (patQ || patS) reasons.add('patronymic_ignored');
  return reasons;
}

/** Compare a query name with a stored name (strings, or tokens from nameTokens to save re-parsing). */
export function compareNames(
  query: string | readonly NameToken[],
  stored: string | readonly NameToken[],
): NameMatch {
  const q = typeof query === 'string' ? nameTokens(query) : query;
  const s = typeof stored === 'string' ? nameTokens(stored) : stored;
  if (q.length === 0 || s.length === 0) return { score: 0, reasons: [] };
  const wq = weights(q);
  const ws = weights(s);
  const a = assign(q, s, wq, ws);
  if (a.pairs.length === 0) return { score: 0, reasons: [] };
  const reasons = reasonsOf(a, q, s);
  if (reasons.has('patronymic_differs')) {
    // Recount the unmatched patronymics of both sides at full weight (see the constant).
    q.forEach((t, i) => {
      if (t.patronymic && !a.pairs.some((p) => p.q === i)) wq[i] = DIFFERING_PATRONYMIC_WEIGHT;
    });
    s.forEach((t, j) => {
      if (t.patronymic && !a.pairs.some((p) => p.s === j)) ws[j] = DIFFERING_PATRONYMIC_WEIGHT;
    });
  }
  const total = [...wq, ...ws].reduce((x, y) => x + y, 0);
  const score = Math.max(0, Math.min(1, a.value / total));
  return { score, reasons: NAME_MATCH_REASONS.filter((r) => reasons.has(r)) };
}

/** The best match of a query among one person's names and aliases; index -1 when there are none. */
export function bestMatch(
  query: string | readonly NameToken[],
  storedNames: ReadonlyArray<string | readonly NameToken[]>,
): NameMatch & { index: number } {
  const q = typeof query === 'string' ? nameTokens(query) : query;
  let best: NameMatch & { index: number } = { score: 0, reasons: [], index: -1 };
  storedNames.forEach((name, index) => {
    const m = compareNames(q, name);
    if (best.index < 0 || m.score > best.score) best = { ...m, index };
  });
  return best;
}
