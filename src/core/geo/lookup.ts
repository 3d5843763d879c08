// Finding a region or district from the way people write it: in a CSV of polling stations or prisons
// from a ministry's spreadsheet ("Ошская обл.", "г. Бишкек", "Chui", "Карасуйский район").
import { normalizeText } from '../text.ts';
import type { District, DistrictId } from './districts.data.ts';
import { REGIONS, type Region, type RegionCode } from './regions.data.ts';
import { REGION_CODES, districtsOf, isDistrictId, isRegionCode } from './regions.ts';

/** Words that say a name is a district or a town: "ала-букинский район" → "ала-букинский". */
const DISTRICT_WORDS =
  /(^|\s)(район|району|р-н|district|raion|город|шаары|шаар|city|town|г\.)(?=\s|$)|(^|\s)г\.\s*/gu;
/** Words that say a name is an oblast ("Ошская обл.", "Chuy Region", "Нарын облусу"). */
const OBLAST_WORDS =
  /(^|\s)(область|обл\.?|облусу|облус|region|oblast|oblasty|oblys|obl\.?|province)(?=\s|$)/gu;
/** Words that say a name is a city ("г. Ош", "Bishkek city", "Бишкек шаары"). */
const CITY_WORDS = /(^|\s)(город|шаары|шаар|ш\.|city|г)(?=\s|$)|(^|\s)(г|гор)\.\s*/gu;

/**
 * The last resort of a comparison: without hyphens, spaces and apostrophes, and with the Kyrgyz and
 * Latin letters a Russian or an English keyboard lacks written as the nearest plain one ("Чүй" and
 * "Чуй", "Chüy" and "Chuy", "Кара-Суйский" and "Карасуйский"). Used only where no closer match was
 * found, and a name that then matches two places is still refused.
 */
const compact = (s: string) =>
  normalizeText(s)
    .replace(/[\s\-‐–—'’ʼ`.]/gu, '')
    .replace(/ү/gu, 'у')
    .replace(/ө/gu, 'о')
    .replace(/ң/gu, 'н')
    .replace(/ü/gu, 'u')
    .replace(/ö/gu, 'o');

/** Whether a name has one of the words (the patterns are global, for replacing; this is not). */
const says = (s: string, words: RegExp) => new RegExp(words.source, 'u').test(s);

const stripped = (s: string, words: RegExp) => normalizeText(normalizeText(s).replace(words, ' '));

/**
 * Latin spellings of regions that none of the three names gives, from older maps and from documents
 * of international organisations (a spelling, not a fact about the region).
 */
const REGION_SPELLINGS: Partial<Record<RegionCode, string[]>> = {
  'KG-C': ['Chui'],
  'KG-J': ['Djalal-Abad', 'Dzhalal-Abad', 'Zhalal-Abad', 'Джалал-Абад'],
  'KG-Y': ['Issyk-Köl', 'Ysyk-Köl', 'Yssyk-Kul', 'Issik-Kul', 'Иссык-Куль', 'Ыссык-Көл'],
};

const regionNames = (r: Region) => [...Object.values(r.names), ...(REGION_SPELLINGS[r.code] ?? [])];

/**
 * The region a name means: its code, its name in any of the three languages, then the name without the
 * word for its kind ("Ошская обл." → Osh Region, "г. Ош" → Osh city, "Chuy Region"), then the same
 * without hyphens and special letters. A word for a city looks among the cities only, a word for an
 * oblast among the oblasts only, so "Osh" alone is the city (its English name) while "Osh Region" and
 * "Ошская обл." are the oblast. Null when nothing or more than one region matches.
 */
export function regionByName(name: string): RegionCode | null {
  // A spreadsheet cell often ends with the list's own punctuation ("Ошская обл.,").
  const t = name.trim().replace(/[\s,;:]+$/u, '');
  if (isRegionCode(t.toUpperCase())) return t.toUpperCase() as RegionCode;
  const whole = normalizeText(t);
  const exact = REGIONS.filter((r) => regionNames(r).some((n) => normalizeText(n) === whole));
  if (exact.length) return exact.length === 1 ? exact[0]!.code : null;
  const city = says(whole, CITY_WORDS);
  const oblast = says(whole, OBLAST_WORDS);
  const kinds = REGIONS.filter((r) =>
    city && !oblast ? r.type === 'city' : oblast && !city ? r.type === 'oblast' : true,
  );
  const stem = (s: string) => stripped(stripped(s, OBLAST_WORDS), CITY_WORDS);
  const levels: ((r: Region) => boolean)[] = [
    (r) => regionNames(r).some((n) => stem(n) === stem(t)),
    (r) => regionNames(r).some((n) => compact(stem(n)) === compact(stem(t))),
  ];
  for (const matches of levels) {
    const hits = kinds.filter(matches);
    if (hits.length) return hits.length === 1 ? hits[0]!.code : null;
  }
  return null;
}

/**
 * The district of `region` a name means: its name in any of the three languages or an alias (a spelling
 * variant, a former name) first, then Who's On First's spelling, then any of them without the word for
 * its kind ("Ала-Бука", "г. Каракол"), then without hyphens and special letters ("Карасуйский").
 * Null when none or more than one matches at the first level that matches any: "Naryn" is the town's
 * English name, and only Who's On First's for the raion.
 */
export function districtByName(region: string, name: string): DistrictId | null {
  const list = isRegionCode(region) ? districtsOf(region) : [];
  const shown = (d: District) => [...Object.values(d.names), ...(d.aliases ?? [])];
  const whole = normalizeText(name);
  const stem = stripped(name, DISTRICT_WORDS);
  const levels: ((d: District) => boolean)[] = [
    (d) => shown(d).some((s) => normalizeText(s) === whole),
    (d) => normalizeText(d.name) === whole,
    (d) => [d.name, ...shown(d)].some((s) => stripped(s, DISTRICT_WORDS) === stem),
    (d) =>
      stem !== '' &&
      [d.name, ...shown(d)].some((s) => compact(stripped(s, DISTRICT_WORDS)) === compact(stem)),
  ];
  // A town and the raion around it share a stem (Нарын, Талас): a word for a city or for a district
  // says which is meant ("г. Нарын", "Нарынский район"); with neither, the levels above decide.
  const town = (d: District) => !/район/u.test(d.names.ru);
  const city = says(whole, CITY_WORDS);
  const raion = says(whole, /(^|\s)(район|району|р-н|district|raion)(?=\s|$)/u);
  for (const matches of levels) {
    let hits = list.filter(matches);
    if (hits.length > 1 && city !== raion) hits = hits.filter((d) => town(d) === city);
    if (hits.length) return hits.length === 1 ? hits[0]!.id : null;
  }
  return null;
}

/**
 * Whether a name is a place of the map in any region: a district id, a district's name, or a region's.
 * A city's own district (Первомайский in Bishkek) is none of these; "Карасуйский район" given for
 * "Ош" is, and means the line was meant for the oblast.
 */
export function namesPlaceOnMap(name: string): boolean {
  const t = name.trim();
  return (
    isDistrictId(t) || regionByName(t) !== null || REGION_CODES.some((r) => districtByName(r, t) !== null)
  );
}
