import { bestMatch, CANDIDATE_LIMIT, KEY_WEIGHTS, MATCH_THRESHOLD, nameKeys, nameTokens, queryKeys } from './src/core/names/index.ts';
import { makePeople, seededRng } from './bench/names-data.ts';
import { variantsOf } from './bench/names-variants.ts';
const rng = seededRng(7);
const seen = new Set<string>();
const targets = makePeople(rng, 1000, 0, seen);
const N = Number(process.argv[2] ?? 50000);
const distr = [] as ReturnType<typeof makePeople>;
while (distr.length < N) distr.push(...makePeople(rng, 100, 1000 + distr.length, new Set(seen)));
const people = [...targets, ...distr];
const ids = people.map((_, i) => i);
for (let i = ids.length - 1; i > 0; i--) { const j = Math.floor(rng() * (i + 1)); [ids[i], ids[j]] = [ids[j]!, ids[i]!]; }
people.forEach((p, i) => (p.id = ids[i]!));
const postings = new Map<string, number[]>();
const toks = new Map<number, ReturnType<typeof nameTokens>[]>();
let keyRows = 0;
for (const p of people) {
  const t = p.names.map((n) => nameTokens(n)); toks.set(p.id, t);
  const ks = new Set(t.flatMap((n) => nameKeys(n).map((k) => `${k.kind}:${k.value}`)));
  keyRows += ks.size;
  for (const k of ks) { const l = postings.get(k); if (l) l.push(p.id); else postings.set(k, [p.id]); }
}
const vs = targets.flatMap((p) => variantsOf(rng, p));
const by = new Map<string, [number, number, number]>();
let maxPosting = 0; for (const l of postings.values()) maxPosting = Math.max(maxPosting, l.length);
for (const v of vs) {
  const q = nameTokens(v.query);
  const score = new Map<number, number>();
  for (const k of queryKeys(q)) for (const id of postings.get(`${k.kind}:${k.value}`) ?? []) score.set(id, (score.get(id) ?? 0) + KEY_WEIGHTS[k.kind]);
  const cands = [...score].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CANDIDATE_LIMIT).map(([id]) => id);
  const shown = cands.map((id, rank) => ({ id, rank, s: bestMatch(q, toks.get(id)!).score })).filter((c) => c.s >= MATCH_THRESHOLD).sort((a, b) => b.s - a.s || a.rank - b.rank).slice(0, 20).map((c) => c.id);
  const t = by.get(v.kind) ?? [0, 0, 0];
  t[0]++; if (cands.includes(v.personId)) t[1]++; if (shown.includes(v.personId)) t[2]++;
  by.set(v.kind, t);
}
console.log(`people ${people.length}, key rows ${keyRows} (${(keyRows / people.length).toFixed(2)}/person), distinct keys ${postings.size}, longest posting ${maxPosting}`);
let all = [0, 0, 0];
for (const [k, t] of [...by].sort()) { console.log(k.padEnd(12), t[0], 'cand', (100 * t[1] / t[0]).toFixed(1), 'recall', (100 * t[2] / t[0]).toFixed(1)); all = all.map((x, i) => x + t[i]!); }
console.log('all', 'cand', (100 * all[1]! / all[0]!).toFixed(1), 'recall', (100 * all[2]! / all[0]!).toFixed(1));
