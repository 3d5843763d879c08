/**
 * Canonical Latin "phonetic" form of one name token, shared by the blind-index keys and the
 * comparison. Pure functions, no state.
 *
 * The scheme is deliberately lossy: its only job is to make the spellings that people actually use
 * for the same Cyrillic name collide (Kyrgyz passports, BGN/PCGN, Russian passports, German press,
 * Uzbek Latin). It is not a transliteration anyone should display.
 */
import { normalizeText } from '../text.ts';

/** "а:a б:b ъ:" → a letter map; keeps the tables below one line per group of letters. */
function letterTable(spec: string): ReadonlyMap<string, string> {
  return new Map(spec.split(/\s+/).map((pair) => pair.split(':') as [string, string]));
}

// Cyrillic letters to a Latin spelling that the Latin rules below then fold like any typed Latin
// name, so "Жээнбеков" and "Zheenbekov" take exactly the same path.
const CYRILLIC = letterTable(
  'а:a б:b в:v г:g д:d е:e ж:zh з:z и:i й:y к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f ' +
    'х:kh ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:yu я:ya ' +
    // Kyrgyz, Kazakh, Uzbek, Tajik, Ukrainian letters: folded to their nearest Russian sound.
    'ө:o ү:u ң:n ә:a ғ:g қ:k ҳ:h ў:u җ:zh ұ:u һ:h ҷ:ch і:i ї:yi є:ye',
);

// Latin letters whose diacritic carries a sound (ş is "sh", not "s"); these must be mapped before
// the generic diacritic strip, which would otherwise turn ş into s.
const SPECIAL_LATIN = letterTable(
  'ş:sh ș:sh š:sh ç:ch č:ch ž:zh ı:i ğ:g ö:o ü:u ä:a ə:a ñ:n ß:ss ø:o æ:ae œ:oe đ:d ł:l',
);

// Applied in this order to lower-case ASCII. Longer spellings first, so "shch" is never seen as
// "sh"+"ch" and German "tsch" is never seen as "t"+"sch".
const LATIN_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/shch/g, 'sh'],
  [/tsch/g, 'ch'],
  [/dsch/g, 'j'],
  [/sch/g, 'sh'],
  [/dzh/g, 'j'],
  [/zh/g, 'j'],
  [/dj/g, 'j'],
  [/tch/g, 'ch'],
  [/kh/g, 'h'],
  [/gh/g, 'g'],
  [/ck/g, 'k'],
  [/ph/g, 'f'],
  // Uzbek Latin writes х as x (Farxod, Muxammad, Xurshid); Russian names use x for кс only in a
  // handful of names (Alexandr, Alexey, Maxim, Xenia), which are caught by name.
  [/alex/g, 'aleks'],
  [/max/g, 'maks'],
  [/^xen/g, 'ksen'],
  [/x/g, 'h'],
  [/w/g, 'v'],
  [/q/g, 'k'],
  [/c(?!h)/g, 'k'],
  // German j stands for й, but in Kyrgyz-passport spelling j is ж. Only the places where ж is
  // implausible are read as й: word-final (Sergej, Nikolaj), "jo" inside a word (ё: Semjonow,
  // Bachtijor), "ij" + vowel after a consonant (Marija, Bakijew) and "je" after a vowel
  // (Atambajew). Every spelling of ж has become j before these rules, so they can merge a ж with a
  // й but never separate two spellings of one name.
  [/([aeiouy])j$/g, '$1i'],
  [/(?<=.)jo/g, 'e'],
  [/([^aeiouy])ij(?=[aeiouy])/g, '$1i'],
  [/([aeiouy])je/g, '$1e'],
  // At the start of a word, j is ж to a Kyrgyz passport (Jusup, Jyldyz) and й to a German
  // (Julija, Jana); Turkic ж- and Russian ю-/я- names are often the same name anyway
  // (Жусуп/Юсуп, Жулдуз/Юлдуз), so an initial j reads as i. (Not je- as е: "Ж." must stay the
  // initial of Жээнбек; German Jelena is one edit from Elena.)
  [/^j/g, 'i'],
  // BGN writes е as "ye" after vowels and at the start (Yevgeniy, Bakiyev), and ё as "yo"
  // (Semyonov, Bakhtiyor, Yodgor); the Cyrillic side folds ё to е (normalizeText), so the Latin
  // side folds both to e as well.
  [/ye/g, 'e'],
  [/yo/g, 'e'],
  [/y/g, 'i'],
  [/[^a-z]/g, ''],
];

// German spelling, recognised in a Latin token by w or sch (Iwanow, Schewzow, Dscheenbekow): ch is
// х (Chochlow), z is ц (Zwetkow), j is й (Michajlowa, Kyjal) and dsch is ж. Rewritten into the
// English-like spelling the general rules expect.
const GERMAN = /w|sch/;

function fromGerman(s: string): string {
  return s
    .replace(/z/g, 'ts')
    .replace(/dsch/g, 'zh')
    .replace(/tsch/g, 'C') // a placeholder: the token is lower-case here
    .replace(/sch/g, 'sh')
    .replace(/ch/g, 'kh')
    .replace(/C/g, 'ch')
    .replace(/j/g, 'y');
}

function mapLetters(s: string): string {
  let out = '';
  for (const ch of s) out += CYRILLIC.get(ch) ?? SPECIAL_LATIN.get(ch) ?? ch;
  return out;
}

/**
 * The token in folded Latin before doubled letters are collapsed. Exposed to names.ts, which needs
 * to see a joined Kyrgyz marker ("…уулу" → "…uulu") before "uu" becomes "u".
 */
export function latinize(token: string): string {
  const mapped = mapLetters(normalizeText(token));
  // Strip the remaining accents (é, ō, ŭ, the dot of a lower-cased Turkish İ) after the special
  // letters above have been given their own spellings.
  let s = mapped.normalize('NFD').replace(/\p{M}/gu, '');
  if (GERMAN.test(s) && !/\p{Script=Cyrillic}/u.test(token)) s = fromGerman(s);
  for (const [re, to] of LATIN_RULES) s = s.replace(re, to);
  return s;
}

/** Collapse runs of one letter: Жээнбеков/Jeenbekov/Jenbekov, Юлия/Iuliia/Yulia all collide. */
export function collapseRepeats(s: string): string {
  return s.replace(/(.)\1+/g, '$1');
}

/** Canonical Latin phonetic form of one token ('' when it has no letters). */
export function phoneticKey(token: string): string {
  return collapseRepeats(latinize(token));
}

/**
 * The first letter of a phonetic form, loosened to the letters that romanisations trade at the
 * start of a word: j/i/e (Julija/Yulia/Elena-Jelena), z/s (German Sarina/Zarina) and c/h (German
 * Chasan/Hasan). Used by skeletons and by the spelling-slip rule of compare.ts.
 */
export function firstLetterClass(phon: string): string {
  const c = phon.charAt(0);
  return c === 'j' || c === 'e' ? 'i' : c === 'z' ? 's' : c === 'c' ? 'h' : c;
}

/**
 * Consonant skeleton of a phonetic form: a loosened first letter (firstLetterClass), later vowels
 * dropped, repeats collapsed (Ismailova/Ismoilova → "ismlv"). A non-initial j counts as a vowel,
 * being ж to a Kyrgyz passport and й to a German: Natalja/Natalia share a skeleton.
 */
export function skeletonOf(phon: string): string {
  if (phon.length === 0) return '';
  return collapseRepeats(firstLetterClass(phon) + phon.slice(1).replace(/[aeiouj]/g, ''));
}

/** Skeleton key of one token ('' when it has no letters). */
export function skeletonKey(token: string): string {
  return skeletonOf(phoneticKey(token));
}

/**
 * The letter an initial stands for, as a class: the first letter of the phonetic form with j read
 * as i, so "Ю.", "Yu.", "J." (German Julija) and "И." all match the same names. Narrower than
 * firstLetterClass: an initial is weak evidence already, and Е./И. or З./С. are distinct initials.
 */
export function initialClass(phon: string): string {
  const c = phon.charAt(0);
  return c === 'j' ? 'i' : c;
}
