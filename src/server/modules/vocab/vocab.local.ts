import { DISTRICTS, REGIONS } from '../../../core/geo/regions.ts';
import type { ShippedTerm } from './vocab.sources.ts';

/**
 * Ukuk's local lists (HURIDOCS reserves list numbers 61–69 for local lists). Administrators add terms
 * to them on the Vocabularies screen (origin 'local'). The labels below were written for Ukuk: the
 * Kyrgyz and Russian are drafts until a speaker reviews them on that screen. Codes are stable keys
 * and never change meaning.
 */
function term(code: string, ky: string, ru: string, en: string, parent: string | null = null): ShippedTerm {
  return {
    code,
    parent,
    ky,
    ru,
    en,
    ref: null,
    kyStatus: ky ? 'draft' : 'missing',
    ruStatus: ru ? 'draft' : 'missing',
  };
}

/** Kyrgyz legislation: names only; article numbers are entered by a lawyer who checked the text. */
const LEGISLATION: ShippedTerm[] = [
  term(
    'constitution',
    'Кыргыз Республикасынын Конституциясы',
    'Конституция Кыргызской Республики',
    'Constitution of the Kyrgyz Republic',
  ),
  term(
    'criminal_code',
    'Кыргыз Республикасынын Кылмыш-жаза кодекси',
    'Уголовный кодекс Кыргызской Республики',
    'Criminal Code of the Kyrgyz Republic',
  ),
  term(
    'criminal_procedure_code',
    'Кыргыз Республикасынын Кылмыш-жаза процесстик кодекси',
    'Уголовно-процессуальный кодекс Кыргызской Республики',
    'Code of Criminal Procedure of the Kyrgyz Republic',
  ),
  term(
    'offences_code',
    'Кыргыз Республикасынын Укук бузуулар жөнүндө кодекси',
    'Кодекс Кыргызской Республики о правонарушениях',
    'Code of the Kyrgyz Republic on Offences',
  ),
  term(
    'peaceful_assemblies_law',
    '«Тынч чогулуштар жөнүндө» Кыргыз Республикасынын Мыйзамы',
    'Закон Кыргызской Республики «О мирных собраниях»',
    'Law of the Kyrgyz Republic on Peaceful Assemblies',
  ),
];

/** Languages spoken by the people Bir Duino works with (codes: ISO 639, `sgn_kg` for sign language). */
const LANGUAGES: ShippedTerm[] = [
  term('ky', 'Кыргыз тили', 'Кыргызский', 'Kyrgyz'),
  term('ru', 'Орус тили', 'Русский', 'Russian'),
  term('uz', 'Өзбек тили', 'Узбекский', 'Uzbek'),
  term('dng', 'Дунган тили', 'Дунганский', 'Dungan'),
  term('tg', 'Тажик тили', 'Таджикский', 'Tajik'),
  term('ug', 'Уйгур тили', 'Уйгурский', 'Uyghur'),
  term('kk', 'Казак тили', 'Казахский', 'Kazakh'),
  term('tr', 'Түрк тили', 'Турецкий', 'Turkish'),
  term('en', 'Англис тили', 'Английский', 'English'),
  term('sgn_kg', 'Кыргыз жаңдоо тили', 'Кыргызский жестовый язык', 'Kyrgyz Sign Language'),
];

/**
 * Regions and districts from src/core/geo (reference/geo/SOURCE.md). Region codes are the ISO codes
 * in the vocabulary code alphabet (`KG-B` → `kg_b`); districts keep their Who's On First id and have
 * only an English name in the data, so Kyrgyz and Russian start 'missing' for an administrator to fill.
 */
export function regionVocabCode(iso: string): string {
  return iso.toLowerCase().replace('-', '_');
}

function districts(): ShippedTerm[] {
  const out: ShippedTerm[] = [];
  for (const r of REGIONS) {
    const t = term(regionVocabCode(r.code), r.names.ky, r.names.ru, r.names.en);
    // Names from CLDR / Who's On First are sourced; a name formed by analogy stays a draft.
    t.kyStatus = r.unverified?.includes('ky') ? 'draft' : 'reviewed';
    t.ruStatus = r.unverified?.includes('ru') ? 'draft' : 'reviewed';
    out.push(t);
    for (const d of DISTRICTS.filter((x) => x.region === r.code)) {
      const n = term(d.id, d.names.ky, d.names.ru, d.names.en, regionVocabCode(r.code));
      // Seen in a source (reference/geo/kg-district-names.json): reviewed; formed by analogy: a draft.
      n.kyStatus = d.unverified?.includes('ky') ? 'draft' : 'reviewed';
      n.ruStatus = d.unverified?.includes('ru') ? 'draft' : 'reviewed';
      out.push(n);
    }
  }
  return out;
}

export const LOCAL_SOURCES: Record<string, ShippedTerm[]> = {
  local_legislation: LEGISLATION,
  local_districts: districts(),
  local_languages: LANGUAGES,
};
