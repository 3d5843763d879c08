// Vocabulary codes, weights and the bulk insert of the violation generator (gen-violations.ts): the
// micro-thesauri codes from the shared data (or a few known ones), Zipf bags, population weights of
// the regions, title words in Kyrgyz and Russian.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { REGION_CODES, type RegionCode } from '../src/core/geo/regions.ts';
import type { DbKind, Executor } from '../src/server/platform/db/db.ts';
import type { Rng } from './gen-legal.ts';

const DATA = path.resolve(import.meta.dirname, '../../shared/data/huridocs-esf-microthesauri');

/** The codes of one micro-thesaurus (first column), or a few known ones when the data is not there. */
export function codesOf(file: string, fallback: string[]): string[] {
  const p = path.join(DATA, file);
  if (!fs.existsSync(p)) return fallback;
  return fs
    .readFileSync(p, 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]!)
    .filter((c) => /^\d{12}$/.test(c));
}

/** A Zipf-like bag: the first codes are the common ones (what Bir Duino sees most), the tail is long. */
export function zipf(rng: Rng, front: string[], all: string[], s = 1.1): () => string {
  const order = [...new Set([...front, ...all])];
  const w = order.map((_, i) => 1 / Math.pow(i + 1, s));
  const total = w.reduce((a, b) => a + b, 0);
  const cum: number[] = [];
  w.reduce((acc, x, i) => (cum[i] = acc + x / total), 0);
  return () => {
    const r = rng();
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return order[lo]!;
  };
}

// prettier-ignore
const REGION_WEIGHTS: Readonly<Record<RegionCode, number>> = {
  'KG-GB': 26, 'KG-GO': 8, 'KG-C': 14, 'KG-O': 16, 'KG-J': 14, 'KG-B': 6, 'KG-Y': 6, 'KG-N': 4, 'KG-T': 6,
};
export const REGION_BAG = REGION_CODES.flatMap((r) => Array<RegionCode>(REGION_WEIGHTS[r]).fill(r));
/** Torture, arrest, detention, abduction (bride kidnapping), limits on assemblies, rape, death in custody. */
export const FRONT_ACTS = [
  '020111110000',
  '030101000000',
  '030102000000',
  '030104000000',
  '120105000000',
  '020111010000',
  '010106010000',
  '100100000000',
];
export const SEX_BAG = [
  'male',
  'male',
  'male',
  'male',
  'male',
  'female',
  'female',
  'female',
  'female',
  'unknown',
];
export const AGE_BAG = [
  'adult_18_29',
  'adult_18_29',
  'adult_30_59',
  'adult_30_59',
  'adult_30_59',
  'child_14_17',
  'child_0_13',
  'older_60',
  'unknown',
];
export const VUL = [
  'detainee',
  'hrd',
  'journalist',
  'woman',
  'child',
  'ethnic_minority',
  'lgbt',
  'migrant',
  'disability',
];
export const TITLE_WORDS = {
  what: [
    'Кыйноо',
    'Кармоо',
    'Жыйынды таратуу',
    'Журналистти кармоо',
    'Кыз ала качуу',
    'Пытки',
    'Задержание',
    'Разгон мирного собрания',
    'Угрозы журналисту',
    'Избиение',
  ],
  where: [
    'ИИБнын убактылуу кармоочу жайында',
    'в ИВС',
    'на площади Ала-Тоо',
    'в отделе милиции',
    'үйүндө',
    'в СИЗО',
    'көчөдө',
    'в колонии',
  ],
  town: [
    'Ош',
    'Бишкек',
    'Жалал-Абад',
    'Каракол',
    'Нарын',
    'Талас',
    'Баткен',
    'Токмок',
    'Өзгөн',
    'Кара-Суу',
    'Кызыл-Кыя',
    'Балыкчы',
  ],
};

export type Row = Record<string, unknown>;

/** One multi-row INSERT per batch (SQLite: bounded by bind parameters; PostgreSQL: one JSON parameter). */
export async function insertAll(db: Executor, kind: DbKind, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  if (kind === 'postgres') {
    for (let i = 0; i < rows.length; i += 10_000) {
      const json = JSON.stringify(rows.slice(i, i + 10_000));
      await sql`insert into ${sql.table(table)} select * from json_populate_recordset(null::${sql.table(table)}, ${json})`.execute(
        db,
      );
    }
    return;
  }
  const per = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += per)
    // The generated rows match the table; Kysely cannot type a table chosen at run time.
    await db
      .insertInto(table as 'vio_chain')
      .values(rows.slice(i, i + per) as never)
      .execute();
}
