// The ways a stored Cyrillic name comes back at intake: romanised by one of several schemes,
// reordered, shortened to an initial, with or without the patronymic, ё written е, upper case, or
// with a typo. Written independently of src/core/names so the benchmark does not grade its own
// homework: these schemes follow the published conventions, not the matcher's folding.
import { pick, type Person, type Rng } from './names-data.ts';

interface Scheme {
  /** Lower-case Cyrillic letter → Latin. */
  letters: Readonly<Record<string, string>>;
  /** е ё ю я at the start of a word or after a vowel, ь or ъ, when the scheme writes them apart. */
  iotated?: Readonly<Record<string, string>>;
  /** дж is one sound (Джамшид): schemes that have one letter for ж write it once. */
  dzhAsOne?: boolean;
}

/** Letter pairs written "а=a б=b ъ=" → a lookup object. */
const letters = (spec: string): Record<string, string> =>
  Object.fromEntries(spec.split(' ').map((p) => p.split('=') as [string, string]));

const BASE = letters(
  'а=a б=b в=v г=g д=d е=e ё=yo ж=zh з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f ' +
    'х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь= э=e ю=yu я=ya ө=o ү=u ң=n',
);

export const SCHEMES = {
  /** Kyrgyz passports: J for ж, plain o/u for ө/ү. */
  kgPassport: { letters: { ...BASE, ...letters('ж=j щ=sch') }, dzhAsOne: true },
  /** BGN/PCGN: zh, ye after vowels, ö ü ng for the Kyrgyz letters. */
  bgn: {
    letters: { ...BASE, ...letters('ө=ö ү=ü ң=ng') },
    iotated: letters('е=ye ё=yo ю=yu я=ya'),
  },
  /** German press (Duden-like): w, s, sch, tsch, dsch, ch for х, z for ц, j for й. */
  german: {
    letters: {
      ...BASE,
      ...letters('в=w ж=dsch з=s й=j х=ch ц=z ч=tsch ш=sch щ=schtsch ё=jo ю=ju я=ja ө=ö ү=ü ң=ng'),
    },
    iotated: letters('е=je ё=jo ю=ju я=ja'),
    dzhAsOne: true,
  },
  /** Uzbek Latin (1995): x for х, j for ж, q for қ, o‘ for ў. */
  uzLatin: {
    letters: { ...BASE, ...letters('ж=j х=x ц=s щ=sh ы=i ъ=’ қ=q ғ=g‘ ў=o‘ ҳ=h') },
    iotated: letters('е=ye'),
    dzhAsOne: true,
  },
} satisfies Record<string, Scheme>;

const SOFT_OR_VOWEL = 'аеёиоуыэюяөүъь';

function romaniseWord(word: string, scheme: Scheme): string {
  const lower = word.toLowerCase();
  const src = scheme.dzhAsOne ? lower.replace(/дж/g, 'ж') : lower;
  let out = '';
  [...src].forEach((ch, i) => {
    const prev = i === 0 ? '' : src[i - 1]!;
    const iot = scheme.iotated?.[ch];
    out += iot && (i === 0 || SOFT_OR_VOWEL.includes(prev)) ? iot : (scheme.letters[ch] ?? ch);
  });
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** A Cyrillic name in Latin letters by one scheme, capitalised word by word. */
export function romanise(name: string, scheme: Scheme): string {
  return name
    .split(' ')
    .map((w) => romaniseWord(w, scheme))
    .join(' ');
}

const TYPO_LETTERS = [...'аеиоунлркстмб'];

/** One slip of the keyboard in one word: a letter lost, doubled, swapped or replaced. */
export function typo(rng: Rng, word: string): string {
  const letters = [...word];
  if (letters.length < 3) return word;
  for (;;) {
    const xs = [...letters];
    const i = 1 + Math.floor(rng() * (xs.length - 1));
    const op = Math.floor(rng() * 4);
    if (op === 0) xs.splice(i, 1);
    else if (op === 1 && i + 1 < xs.length) [xs[i], xs[i + 1]] = [xs[i + 1]!, xs[i]!];
    else if (op === 2) xs.splice(i, 0, xs[i]!);
    else xs[i] = pick(rng, TYPO_LETTERS);
    const out = xs.join('');
    if (out !== word) return out;
  }
}

export type VariantKind =
  | 'swapped'
  | 'kg_passport'
  | 'bgn'
  | 'german'
  | 'uz_latin'
  | 'patronymic'
  | 'initial'
  | 'yo_or_case'
  | 'typo';

export interface Variant {
  kind: VariantKind;
  personId: number;
  query: string;
}

/** Every applicable variant of one person's stored (first) name. */
export function variantsOf(rng: Rng, p: Person): Variant[] {
  const stored = p.names[0]!;
  const marker = p.female ? 'кызы' : 'уулу';
  const trad = p.style === 'kg_trad';
  const hasPatronymic = !trad && stored.split(' ').length === 3;
  const givenFamily = trad ? `${p.given} ${p.father} ${marker}` : `${p.given} ${p.surname}`;
  const full = trad ? stored : `${p.surname} ${p.given} ${p.patronymic}`;
  const out: Array<[VariantKind, string]> = [
    [
      'swapped',
      trad
        ? `${p.father} ${marker} ${p.given}`
        : `${p.given}${hasPatronymic ? ` ${p.patronymic}` : ''} ${p.surname}`,
    ],
    ['kg_passport', romanise(givenFamily, SCHEMES.kgPassport)],
    ['bgn', romanise(full, SCHEMES.bgn)],
    ['german', romanise(givenFamily, SCHEMES.german)],
    [
      'patronymic',
      trad
        ? `${p.given} ${p.father}`
        : hasPatronymic
          ? `${p.surname} ${p.given}`
          : `${stored} ${p.patronymic}`,
    ],
    ['initial', trad ? `${p.given[0]!}. ${p.father} ${marker}` : `${p.surname} ${p.given[0]!}.`],
    ['yo_or_case', stored.includes('ё') ? stored.replace(/ё/g, 'е') : stored.toUpperCase()],
  ];
  if (p.style === 'uz') out.push(['uz_latin', romanise(full, SCHEMES.uzLatin)]);
  const parts = stored.split(' ');
  const at = Math.floor(rng() * 2);
  parts[at] = typo(rng, parts[at]!);
  out.push(['typo', parts.join(' ')]);
  return out.map(([kind, query]) => ({ kind, personId: p.id, query }));
}
