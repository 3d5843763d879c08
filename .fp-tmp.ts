import { bestMatch, MATCH_THRESHOLD, nameTokens } from './src/core/names/index.ts';
import { makePeople, seededRng } from './bench/names-data.ts';
import { variantsOf } from './bench/names-variants.ts';
import { romanise, SCHEMES } from './bench/names-variants.ts';
const rng = seededRng(20240611); const seen = new Set<string>();
const t = makePeople(rng, 1500, 0, seen); const d = makePeople(rng, 1500, 1500, seen);
const people = [...t, ...d];
for (const p of people) if (rng() < 0.3 && p.surname) p.names.push(romanise(`${p.surname} ${p.given}`, SCHEMES.kgPassport).toUpperCase());
const vs = t.flatMap(p => variantsOf(rng, p));
const kind = process.argv[2] ?? 'german';
let n = 0;
for (const v of vs.filter(v => v.kind === kind)) {
  const p = people[v.personId]!;
  const m = bestMatch(v.query, p.names);
  if (m.score < MATCH_THRESHOLD && n++ < 40) console.log(v.query, '|', p.names[m.index] ?? p.names[0], m.score.toFixed(2), m.reasons.join(','), nameTokens(v.query).map(t=>t.phon).join(' '), '/', nameTokens(p.names[0]!).map(t=>t.phon).join(' '));
}
console.log(n);
