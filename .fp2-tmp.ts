import { bestMatch, MATCH_THRESHOLD } from './src/core/names/index.ts';
import { makePeople, seededRng } from './bench/names-data.ts';
import { variantsOf, romanise, SCHEMES } from './bench/names-variants.ts';
const rng = seededRng(20240611); const seen = new Set<string>();
const t = makePeople(rng, 1500, 0, seen); const d = makePeople(rng, 1500, 1500, seen);
const people = [...t, ...d];
for (const p of people) if (rng() < 0.3 && p.surname) p.names.push(romanise(`${p.surname} ${p.given}`, SCHEMES.kgPassport).toUpperCase());
const vs = t.flatMap(p => variantsOf(rng, p));
const kind = process.argv[2] ?? 'swapped';
let n = 0; const reasons = new Map<string, number>();
for (const v of vs.filter(v => v.kind === kind).slice(0, 500)) {
  for (const p of people) {
    if (p.id === v.personId) continue;
    const m = bestMatch(v.query, p.names);
    if (m.score >= MATCH_THRESHOLD) { const r = m.reasons.join(','); reasons.set(r, (reasons.get(r) ?? 0) + 1); if (n++ < 30) console.log(v.query, '|', p.names[m.index], m.score.toFixed(2), r); }
  }
}
console.log(n, [...reasons].sort((a,b)=>b[1]-a[1]).slice(0,10));
