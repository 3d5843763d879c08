// Recall and precision of the conflict/duplicate check's name matching, measured the way the
// server searches: blind-index keys pick at most CANDIDATE_LIMIT candidates, compareNames reranks
// their decrypted names, and the matches at or above MATCH_THRESHOLD are shown (the top 20).
// Candidates are the people sharing the most distinct keys with the query, ties by id (the ids are
// shuffled so that the people sought do not win ties).
// The baseline is exact matching of the normalised full name on the same set.
import {
  bestMatch,
  CANDIDATE_LIMIT,
  MATCH_THRESHOLD,
  nameKeys,
  nameTokens,
  queryKeys,
  type NameToken,
} from '../src/core/names/index.ts';
import { normalizeText } from '../src/core/text.ts';
import type { Figure } from './lib.ts';
import { makePeople, seededRng, type Person } from './names-data.ts';
import { romanise, SCHEMES, variantsOf, type Variant, type VariantKind } from './names-variants.ts';

const SEED = 20240611;
const TARGETS = 1500;
const DISTRACTORS = 1500;
const SHOWN = 20;
const PASSPORT_ALIAS_SHARE = 0.3;

/** What the server's blind-index table does: key → people, ranked by the number of shared keys. */
class KeyIndex {
  private readonly postings = new Map<string, number[]>();

  add(personId: number, names: ReadonlyArray<readonly NameToken[]>): void {
    const keys = new Set(names.flatMap((n) => nameKeys(n).map((k) => `${k.kind}:${k.value}`)));
    for (const k of keys) {
      const list = this.postings.get(k);
      if (list) list.push(personId);
      else this.postings.set(k, [personId]);
    }
  }

  candidates(query: readonly NameToken[]): number[] {
    const score = new Map<number, number>();
    for (const k of queryKeys(query)) {
      for (const id of this.postings.get(`${k.kind}:${k.value}`) ?? []) {
        score.set(id, (score.get(id) ?? 0) + 1);
      }
    }
    return [...score]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, CANDIDATE_LIMIT)
      .map(([id]) => id);
  }
}

interface Tally {
  queries: number;
  candidateHits: number;
  found: number;
  returned: number;
  correct: number;
}

const emptyTally = (): Tally => ({ queries: 0, candidateHits: 0, found: 0, returned: 0, correct: 0 });

function count(t: Tally, truth: number, candidates: number[], shown: number[]): void {
  t.queries += 1;
  if (candidates.includes(truth)) t.candidateHits += 1;
  if (shown.includes(truth)) t.found += 1;
  t.returned += shown.length;
  t.correct += shown.filter((id) => id === truth).length;
}

function buildSet(): { people: Person[]; variants: Variant[] } {
  const rng = seededRng(SEED);
  const seen = new Set<string>();
  const targets = makePeople(rng, TARGETS, 0, seen);
  const distractors = makePeople(rng, DISTRACTORS, TARGETS, seen);
  const people = [...targets, ...distractors];
  // Shuffle the ids: the server breaks ties by id, and the people sought must not win them.
  const ids = people.map((_, i) => i);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  people.forEach((p, i) => (p.id = ids[i]!));
  for (const p of people) {
    // Some records also hold the Latin name from the passport, in passport order and case.
    if (rng() < PASSPORT_ALIAS_SHARE && p.surname) {
      p.names.push(romanise(`${p.surname} ${p.given}`, SCHEMES.kgPassport).toUpperCase());
    }
  }
  return { people, variants: targets.flatMap((p) => variantsOf(rng, p)) };
}

function percent(t: Tally): { recall: number; precision: number } {
  return { recall: t.found / t.queries, precision: t.returned ? t.correct / t.returned : 1 };
}

function printBreakdown(byKind: Map<VariantKind, Tally>, all: Tally, base: Tally, people: number): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  console.log(`\nname matching: ${all.queries} queries over ${people} people`);
  console.log('variant        queries  in-candidates  recall  precision');
  for (const [kind, t] of [...byKind].sort()) {
    const { recall, precision } = percent(t);
    const cand = t.candidateHits / t.queries;
    console.log(
      `${kind.padEnd(14)} ${String(t.queries).padStart(7)}  ${pct(cand).padStart(13)}  ${pct(recall)}  ${pct(precision).padStart(9)}`,
    );
  }
  const b = percent(base);
  console.log(`baseline (exact normalised name): recall ${pct(b.recall)}, precision ${pct(b.precision)}\n`);
}

/** Recall and precision of name matching on a seeded set of a few thousand people. */
export async function namesBenchmark(): Promise<Figure[]> {
  const { people, variants } = buildSet();
  const tokens = new Map(people.map((p) => [p.id, p.names.map((n) => nameTokens(n))]));
  const index = new KeyIndex();
  const exact = new Map<string, number[]>();
  for (const p of people) {
    index.add(p.id, tokens.get(p.id)!);
    for (const n of new Set(p.names.map(normalizeText))) exact.set(n, [...(exact.get(n) ?? []), p.id]);
  }

  const all = emptyTally();
  const base = emptyTally();
  const byKind = new Map<VariantKind, Tally>();
  for (const v of variants) {
    const q = nameTokens(v.query);
    const candidates = index.candidates(q);
    const shown = candidates
      .map((id, rank) => ({ id, rank, score: bestMatch(q, tokens.get(id)!).score }))
      .filter((c) => c.score >= MATCH_THRESHOLD)
      .sort((a, b) => b.score - a.score || a.rank - b.rank)
      .slice(0, SHOWN)
      .map((c) => c.id);
    count(all, v.personId, candidates, shown);
    if (!byKind.has(v.kind)) byKind.set(v.kind, emptyTally());
    count(byKind.get(v.kind)!, v.personId, candidates, shown);
    const exactIds = exact.get(normalizeText(v.query)) ?? [];
    count(base, v.personId, exactIds, exactIds);
  }
  printBreakdown(byKind, all, base, people.length);

  const m = percent(all);
  const b = percent(base);
  const baseline = (value: number) => ({ name: 'exact normalised name', value: 100 * value });
  return [
    {
      name: `name match recall (top ${SHOWN}, score ≥ ${MATCH_THRESHOLD})`,
      unit: '%',
      value: 100 * m.recall,
      baseline: baseline(b.recall),
      target: '≥ 95 %',
      pass: m.recall >= 0.95,
    },
    {
      name: 'name match precision',
      unit: '%',
      value: 100 * m.precision,
      baseline: baseline(b.precision),
      target: '≥ 90 %',
      pass: m.precision >= 0.9,
    },
  ];
}
