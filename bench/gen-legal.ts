// Seeded generator of a realistic legal-aid registry for bench/legal.ts: people with Kyrgyz, Russian and
// Uzbek names in Cyrillic and Latin, their REAL ciphertexts and blind-index keys (the same functions
// the people service uses), lawyers, and cases over eight years with their team and people. Bulk load:
// multi-row inserts in a few large transactions, no audit log, no timeline.
import { sql } from 'kysely';
import { DISTRICTS, REGION_CODES, type RegionCode } from '../src/core/geo/regions.ts';
import { envelope, type AppContext } from '../src/server/platform/context.ts';
import type { DbKind, Executor } from '../src/server/platform/db/db.ts';
import type {
  CaseMembersTable,
  CasePeopleTable,
  CasesTable,
  PeopleTable,
  PersonKeysTable,
} from '../src/server/platform/db/schema.ts';
import { personKeys } from '../src/server/modules/people/people.keys.ts';

export type Rng = () => number;

/** mulberry32: small, seeded, the same on every machine. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const words = (s: string) => s.split(/\s+/).filter(Boolean);

// ---- name pool (a few hundred given names; surnames from a list and from fathers' names) ----------

const KG_MALE = words(`Нурлан Бакыт Азамат Эрлан Улан Алмаз Темирлан Бекжан Жоомарт Канат Марат Мирлан
  Нурбек Өмүрбек Талант Эрмек Жыргалбек Бактыбек Самат Тилек Үсөн Чыңгыз Данияр Жээнбек Кубанычбек
  Маматали Сооронбай Төлөгөн Асан Медер Айбек Адилет Алтынбек Курманбек Исмаил Абдыкадыр Токтогул
  Атамбай Жусуп Кылычбек Шайлоо Эсен Бейшен Орозбек Мукай Сатыбалды Зайырбек Дөөлөт Эмил Калыс Мелис
  Элдияр Нурсултан Бекболот Мирбек Урмат Кайрат Жолдош Кеңеш Турсунбек Эркин Назар Бакай Аскар Максат
  Арстан Бектур Султан Акылбек Сагынбек Таалай Азат Уланбек Дастан Эрнис Кубат Садыр Жаныш Абдымомун`);
const KG_FEMALE = words(`Айгүл Асель Айжан Жылдыз Гүлнара Нургүл Айнура Бермет Чолпон Динара Жаңыл Назгүл
  Айсулуу Мээрим Гүлзат Эльмира Бактыгүл Айпери Кыял Салтанат Толгонай Бүбүсара Калыйча Үмүт Нуриза
  Айдай Эльнура Жибек Сезим Акылай Гүлмира Аида Зарина Сайкал Кундуз Алтынай Элиза Каныкей Жамиля
  Мөлдир Айзада Нурайым Бегимай Айсанат Венера Чынара Гүлжан Жазгүл Курманжан Нурзат Рахат Тумар
  Уулкан Айкерим Асылкан Бурул Гулайым Жанара Замира Кенжегүл Макмал Роза Сабира Айганыш Мирим`);
const RU_MALE = words(`Иван Сергей Дмитрий Алексей Андрей Михаил Николай Евгений Владимир Павел Юрий Фёдор
  Пётр Артём Виктор Олег Игорь Максим Александр Семён Яков Григорий Василий Константин Роман Денис
  Антон Борис Вадим Геннадий Леонид Степан Тимофей Вячеслав Анатолий Руслан Илья Кирилл Эдуард Глеб`);
const RU_FEMALE = words(`Юлия Наталья Мария Елена Ольга Татьяна Ирина Светлана Анна Екатерина Алёна Людмила
  Галина Валентина Оксана Евгения Ксения Дарья Анастасия Надежда Вера Софья Яна Лариса Полина Кристина
  Марина Нина Любовь Тамара Раиса Виктория Жанна Алла Инна Зоя Регина Элеонора Лидия Василиса`);
const RU_SURNAMES = words(`Иванов Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Петров Волков
  Соловьёв Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов Беляев
  Тарасов Белов Комаров Орлов Киселёв Макаров Андреев Ковалёв Гусев Титов Кудрявцев Баранов Куликов
  Алексеев Степанов Яковлев Сергеев Романов Захаров Борисов Королёв Герасимов Пономарёв Григорьев Ильин
  Сорокин Кузьмин Щербаков Шевцов Чернов Жуков Хохлов Цветков Мельников Шубин Никитин Медведев Ершов
  Дьячков Фролов Миронов Калинин Гаврилов Логинов Сафонов Капустин Кириллов Моисеев Ефимов Денисов
  Громов Фомин Давыдов Мельник Бондаренко Ткаченко Шевченко Коваленко Кравченко Гончаренко Лысенко
  Руденко Карпенко Черненко Пак Ким Цой Ли Шмидт Миллер Вагнер Бауэр Гусейнов Алиев Мамедов Юсупов`);
const UZ_MALE = words(`Азимжан Бахтиёр Шерали Рустам Улугбек Фарход Жасур Шухрат Дилшод Тимур Бобур Нодир
  Алишер Санжар Равшан Отабек Зафар Акмал Анвар Ёдгор Шавкат Хуршид Илхом Мухаммад Абдулла Исломжон
  Журабек Хасан Хусан Комил Жамшид Собир Ойбек Шахзод Элёр Бекзод Достон Аброр Умид Мансур Баходир
  Нурали Рахмон Содик Тохир Уктам Файзулло Хамид Шамсиддин Эркин`);
const UZ_FEMALE = words(`Дилноза Гулноза Мохира Нигора Шахноза Феруза Гулчехра Дилфуза Малика Севара Умида
  Зиёда Нилуфар Мадина Шоира Гулбахор Дилором Мунира Лола Ойгул Хилола Юлдуз Камола Барно Сурайё
  Наргиза Зулфия Мафтуна Нодира Озода Робия Саодат Турсуной Фотима Хадича Шахло Гавхар Дурдона Зухра Ирода`);

// Names that occur nowhere in the registry: the conflict check must return nothing (or little) for them.
const NONE_GIVEN = words(`Ганс Джон Пьер Джузеппе Арам Гиорги Вэй Хироши Олаф Рагнар Эмиль Франсуа Лука Мэтью
  Сантьяго Карлос Матео Ингрид Бригитта Хлоя Сиобхан Айко Лейла Ингеборг Магнус Торстен Нильс Педро`);
const NONE_FAMILY = words(`Мюллер Смит Дюпон Росси Петросян Беридзе Чжан Танака Хансен Линдквист Гарсиа Лопес
  Фернандес Йохансон Ковальчик Новак Хорват Папандреу Мартинес Оконкво Наката Ольсен Эрикссон Брэдшоу`);

const VOWELS = 'аеёиоуыэюяөүАЕЁИОУЫЭЮЯӨҮ';
const endsVowel = (s: string) => VOWELS.includes(s.slice(-1));

/** Surname from a man's name: Бакыт → Бакытов(а), Атамбай → Атамбаев(а). */
function surnameOf(root: string, female: boolean): string {
  const base = /[йь]$/.test(root) ? root.slice(0, -1) + 'ев' : endsVowel(root) ? root + 'ев' : root + 'ов';
  return female ? base + 'а' : base;
}
/** Russian-style patronymic: Бакыт → Бакытович/Бакытовна, Сергей → Сергеевич. */
function patronymicOf(father: string, female: boolean): string {
  const f = father.replace(/^Пётр$/, 'Петр').replace(/ё/g, 'е');
  const ev = /[йь]$/.test(f) ? f.slice(0, -1) + 'ев' : endsVowel(f) ? f + 'ев' : f + 'ов';
  return ev + (female ? 'на' : 'ич');
}
function femaleRuSurname(s: string): string {
  return /(ов|ев|ёв|ин)$/.test(s) ? s + 'а' : s;
}

export type Style = 'kg' | 'kg_trad' | 'ru' | 'uz' | 'uz_trad';

/** The parts of one person's name, kept in memory to build the queries of the conflict check. */
export interface NameSpec {
  style: Style;
  female: boolean;
  given: string;
  /** '' for the traditional forms (father's name + уулу/кызы, ўғли/қизи). */
  surname: string;
  father: string;
  /** Russian-style patronymic, or '' when the record has none. */
  patronymic: string;
  /** The first stored name is in Latin (entered from a passport). */
  latin: boolean;
}

export function makeName(rng: Rng): NameSpec {
  const r = rng();
  const style: Style = r < 0.33 ? 'kg' : r < 0.46 ? 'kg_trad' : r < 0.71 ? 'ru' : r < 0.94 ? 'uz' : 'uz_trad';
  const female = rng() < 0.52;
  const kg = style === 'kg' || style === 'kg_trad';
  const ru = style === 'ru';
  const males = kg ? KG_MALE : ru ? RU_MALE : UZ_MALE;
  const given = pick(rng, female ? (kg ? KG_FEMALE : ru ? RU_FEMALE : UZ_FEMALE) : males);
  const father = pick(rng, males);
  const latin = rng() < 0.12;
  if (style === 'kg_trad' || style === 'uz_trad')
    return { style, female, given, surname: '', father, patronymic: '', latin };
  const surname = ru
    ? female
      ? femaleRuSurname(pick(rng, RU_SURNAMES))
      : pick(rng, RU_SURNAMES)
    : surnameOf(pick(rng, males), female);
  // A quarter of the records were entered without the patronymic.
  const patronymic = rng() < 0.25 ? '' : patronymicOf(father, female);
  return { style, female, given, surname, father, patronymic, latin };
}

function marker(n: NameSpec): string {
  if (n.style === 'uz_trad') return n.female ? 'қизи' : 'ўғли';
  return n.female ? 'кызы' : 'уулу';
}

/** The name as written on a Cyrillic record: "Surname Given Patronymic" or "Given Father уулу". */
export function cyrillicName(n: NameSpec): string {
  if (!n.surname) return `${n.given} ${n.father} ${marker(n)}`;
  return n.patronymic ? `${n.surname} ${n.given} ${n.patronymic}` : `${n.surname} ${n.given}`;
}

// ---- romanisation (written apart from src/core/names, so queries do not grade their own homework) --

// prettier-ignore
const BASE: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ө: 'o', ү: 'u', ң: 'n',
  ў: 'u', қ: 'k', ғ: 'g', ҳ: 'h',
};
export type Scheme = 'passport' | 'bgn' | 'uzbek' | 'german';
const SCHEMES: Readonly<Record<Scheme, Readonly<Record<string, string>>>> = {
  /** Kyrgyz passports: j for ж, plain o/u for ө/ү. */
  passport: { ...BASE, ж: 'j', й: 'i', щ: 'sch' },
  /** BGN/PCGN-like: ye at the start, ö ü ng for the Kyrgyz letters. */
  bgn: { ...BASE, ө: 'ö', ү: 'ü', ң: 'ng' },
  /** Uzbek Latin: x for х, j for ж, o‘ for ў, q for қ. */
  uzbek: { ...BASE, ж: 'j', х: 'x', ц: 's', ы: 'i', ў: 'o‘', қ: 'q', ғ: 'g‘', ё: 'yo' },
  /** German press: w, s, sch, tsch, dsch, ch for х, j for й. */
  // prettier-ignore
  german: {
    ...BASE, в: 'w', ж: 'sch', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch',
    ё: 'jo', ю: 'ju', я: 'ja', ө: 'ö', ү: 'ü', ң: 'ng',
  },
};

export function romanise(name: string, scheme: Scheme): string {
  const letters = SCHEMES[scheme];
  return name
    .split(' ')
    .map((w) => {
      const lower = w.toLowerCase().replace(/дж/g, scheme === 'bgn' ? 'дж' : 'ж');
      let out = '';
      [...lower].forEach((ch, i) => {
        if (scheme === 'bgn' && ch === 'е' && (i === 0 || 'аеёиоуыэюяөүъь'.includes(lower[i - 1]!)))
          out += 'ye';
        else out += letters[ch] ?? ch;
      });
      return out.charAt(0).toUpperCase() + out.slice(1);
    })
    .join(' ');
}

/** The name in Latin as a passport or an Uzbek-Latin record writes it. */
function latinName(n: NameSpec): string {
  return romanise(cyrillicName(n), n.style === 'uz' || n.style === 'uz_trad' ? 'uzbek' : 'passport');
}

/** The names stored for a person: the record's name (Cyrillic or Latin) and sometimes a passport alias. */
export function storedNames(rng: Rng, n: NameSpec): { names: string[]; aliases: string[] } {
  if (n.latin) return { names: [latinName(n)], aliases: [] };
  const passport = romanise(n.surname ? `${n.surname} ${n.given}` : `${n.given} ${n.father}`, 'passport');
  return { names: [cyrillicName(n)], aliases: rng() < 0.25 ? [passport.toUpperCase()] : [] };
}

// ---- ids, dates ------------------------------------------------------------------------------------

/** A UUIDv7 at the given time whose random part comes from the seeded generator (same ids every run). */
function idAt(rng: Rng, ms: number): string {
  const b = Buffer.alloc(16);
  b.writeUIntBE(ms, 0, 6);
  for (let i = 6; i < 16; i += 2) b.writeUInt16BE(Math.floor(rng() * 65536), i);
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// ---- vocabularies of the generated records ---------------------------------------------------------

// prettier-ignore
const REGION_WEIGHTS: Readonly<Record<RegionCode, number>> = {
  'KG-GB': 24, 'KG-GO': 9, 'KG-C': 15, 'KG-O': 14, 'KG-J': 13, 'KG-B': 6, 'KG-Y': 7, 'KG-N': 5, 'KG-T': 7,
};
const REGION_BAG: RegionCode[] = REGION_CODES.flatMap((r) => Array<RegionCode>(REGION_WEIGHTS[r]).fill(r));
const AGE_LIMITS: ReadonlyArray<readonly [number, string]> = [
  [14, 'child_0_13'],
  [18, 'child_14_17'],
  [30, 'adult_18_29'],
  [60, 'adult_30_59'],
];
const ageGroupAt = (age: number) => AGE_LIMITS.find(([limit]) => age < limit)?.[1] ?? 'older_60';
const AGE_GROUPS = ['child_0_13', 'child_14_17', 'adult_18_29', 'adult_30_59', 'older_60', 'unknown'];
const VULNERABILITIES = [
  'woman',
  'child',
  'disability',
  'detainee',
  'hrd',
  'journalist',
  'lgbt',
  'ethnic_minority',
  'migrant',
];
export const CASE_TYPES = [
  'consultation',
  'criminal_defence',
  'victim_representation',
  'civil',
  'administrative',
] as const;
const TYPE_BAG = [
  ...Array<string>(35).fill('consultation'),
  ...Array<string>(20).fill('criminal_defence'),
  ...Array<string>(15).fill('victim_representation'),
  ...Array<string>(20).fill('civil'),
  ...Array<string>(10).fill('administrative'),
];
const STAGES = ['investigation', 'first_instance', 'appeal', 'cassation', 'supreme_court', 'un_treaty_body'];
// prettier-ignore
const CLOSING: Readonly<Record<string, string[]>> = {
  consultation: ['general.advice_given', 'general.referred', 'general.lost_contact'],
  criminal_defence: ['defence.acquitted', 'defence.charges_dropped', 'defence.reduced_charge', 'defence.reduced_sentence', 'defence.non_custodial', 'defence.released', 'defence.convicted'],
  victim_representation: ['victim.remedy_obtained', 'victim.perpetrator_prosecuted', 'victim.perpetrator_convicted', 'victim.compensation', 'victim.un_complaint_filed', 'victim.complaint_rejected'],
  civil: ['general.settled', 'general.decided_favourably', 'general.decided_unfavourably', 'general.client_withdrew'],
  administrative: ['general.decided_favourably', 'general.decided_unfavourably', 'general.client_withdrew'],
};
// prettier-ignore
const PROBLEMS = ['torture', 'domestic_violence', 'bride_kidnapping', 'arbitrary_detention', 'fair_trial', 'criminal_charge', 'police_misconduct', 'discrimination', 'labour', 'housing_property', 'family', 'documents_citizenship', 'migration', 'social_benefits', 'other'];
const TITLES: Readonly<Record<string, string>> = {
  consultation: 'Консультация',
  criminal_defence: 'Кылмыш иши боюнча коргоо',
  victim_representation: 'Жабырлануучунун өкүлү',
  civil: 'Гражданское дело',
  administrative: 'Административное дело',
};
const SUMMARY =
  'Кайрылуучу укуктук жардам сурады; документтер тиркелди, тараптар менен сүйлөшүү жүрүүдө. ' +
  'Клиент просит представлять его интересы; следующая встреча назначена.';

// ---- bulk insert -----------------------------------------------------------------------------------

interface Tables {
  people: PeopleTable;
  person_vulnerabilities: { person_id: string; code: string };
  person_keys: PersonKeysTable;
  cases: CasesTable;
  case_members: CaseMembersTable;
  case_people: CasePeopleTable;
  case_problems: { case_id: string; code: string };
}

/**
 * One multi-row INSERT per batch. SQLite: VALUES lists bounded by its bind-parameter limit. PostgreSQL:
 * the whole batch as one JSON parameter expanded by json_populate_recordset, which types every column
 * from the table itself and costs one parse instead of thousands of bind parameters.
 */
async function insertAll<T extends keyof Tables>(
  db: Executor,
  kind: DbKind,
  table: T,
  rows: Tables[T][],
): Promise<void> {
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
  const columns = Object.keys(rows[0]!).length;
  const perStatement = Math.max(1, Math.floor(8000 / columns));
  for (let i = 0; i < rows.length; i += perStatement)
    // The tables differ only in row type; Kysely cannot narrow a generic table name.
    await db
      .insertInto(table as 'case_problems')
      .values(rows.slice(i, i + perStatement) as Tables['case_problems'][])
      .execute();
}

/**
 * Runs the load of one chunk in its own transaction while the next chunk is being built: the builder
 * yields to the event loop now and then, so PostgreSQL works in parallel with the encryption here.
 */
class Loader {
  private pending: Promise<void> = Promise.resolve();
  constructor(private readonly ctx: AppContext) {}

  async load(batch: { [K in keyof Tables]?: Tables[K][] }): Promise<void> {
    await this.pending;
    const kind = this.ctx.dbh.kind;
    this.pending = this.ctx.db.transaction().execute(async (tx) => {
      for (const table of Object.keys(batch) as Array<keyof Tables>)
        await insertAll(tx, kind, table, batch[table] ?? []);
    });
    // Surface a failure at the next await instead of as an unhandled rejection.
    this.pending.catch(() => undefined);
  }
  async done(): Promise<void> {
    await this.pending;
  }
}
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

// ---- the generator ---------------------------------------------------------------------------------

export interface GenOptions {
  people: number;
  cases: number;
  seed?: number;
  /** Called after each chunk with the rows so far (progress on long loads). */
  progress?: (what: string, done: number, total: number) => void;
}

export interface Lawyer {
  id: string;
  region: RegionCode;
}

/** What the measurements need to know about the loaded data. */
export interface LoadedPeople {
  adminId: string;
  lawyers: Lawyer[];
  /** Per person, in generation order: id, name parts and the names stored (for queries and recall). */
  people: Array<{ id: string; spec: NameSpec; names: string[] }>;
}

export interface Generated extends LoadedPeople {
  /** Years with cases: [first, last]. */
  years: [number, number];
  counts: Record<string, number>;
  ms: { users: number; people: number; cases: number; total: number };
}

const CHUNK = 5000;

/**
 * Load `opts.people` people and `opts.cases` cases through ctx.db, encrypted under the context's
 * envelope exactly as the people and cases services would store them (person names as JSON under the
 * record key, blind-index keys from personKeys, wrapped DEKs). Deterministic except for the
 * cryptographic randomness (DEKs, nonces).
 */
export async function generateLegal(ctx: AppContext, opts: GenOptions): Promise<Generated> {
  const env = envelope(ctx);
  const rng = seededRng(opts.seed ?? 20261128);
  const loader = new Loader(ctx);
  const t0 = performance.now();
  const counts: Record<string, number> = {};
  const add = (k: string, n: number) => (counts[k] = (counts[k] ?? 0) + n);

  // Users: one administrator and ~40 lawyers, each with a home region.
  const base = Date.parse('2018-03-01T09:00:00Z');
  const userRow = (role: string, i: number) => {
    const id = idAt(rng, base + i * 1000);
    const { key, wrapped } = env.newRecordKey('users', id);
    const email = `${role}${i}@bench.example.org`;
    const at = new Date(base + i * 1000).toISOString();
    return {
      id,
      email_bidx: env.blindIndex('user.email', email),
      email_enc: key.encrypt('email', email),
      name_enc: key.encrypt('name', `${role} ${i}`),
      dek: wrapped,
      role,
      locale: 'ru',
      status: 'active',
      password_hash: null,
      totp_secret_enc: null,
      totp_enabled: 0,
      totp_last_step: 0,
      email_reminders: 1,
      email_critical: 1,
      email_assigned: 1,
      invite_token_hash: null,
      invite_expires_at: null,
      last_login_at: null,
      created_at: at,
      updated_at: at,
    };
  };
  const admin = userRow('admin', 0);
  const lawyerRows = Array.from({ length: 40 }, (_, i) => userRow('lawyer', i + 1));
  await ctx.db
    .insertInto('users')
    .values([admin, ...lawyerRows])
    .execute();
  add('users', 1 + lawyerRows.length);
  const lawyers: Lawyer[] = lawyerRows.map((u, i) => ({
    id: u.id,
    // A quarter in Bishkek, the others spread by the weights of the regions.
    region: i < 10 ? 'KG-GB' : REGION_BAG[Math.floor(((i - 10) / 30) * REGION_BAG.length)]!,
  }));
  const byRegion = new Map<RegionCode, Lawyer[]>(REGION_CODES.map((r) => [r, []]));
  for (const l of lawyers) byRegion.get(l.region)!.push(l);
  const tUsers = performance.now();

  // People.
  const people: Generated['people'] = [];
  const personRegion: RegionCode[] = [];
  const peopleStart = Date.parse('2018-06-01T00:00:00Z');
  const peopleSpan = Date.parse('2026-11-20T00:00:00Z') - peopleStart;
  for (let c = 0; c < opts.people; c += CHUNK) {
    const rows: PeopleTable[] = [];
    const vul: Tables['person_vulnerabilities'][] = [];
    const keys: PersonKeysTable[] = [];
    for (let i = c; i < Math.min(opts.people, c + CHUNK); i++) {
      if (i % 200 === 0) await breathe();
      const spec = makeName(rng);
      const { names, aliases } = storedNames(rng, spec);
      const createdMs =
        peopleStart + Math.floor((i / opts.people) * peopleSpan) + Math.floor(rng() * 3600_000);
      const id = idAt(rng, createdMs);
      const { key, wrapped } = env.newRecordKey('people', id);
      const birthYear = rng() < 0.4 ? 1940 + Math.floor(rng() * 80) : null;
      const birthDate = birthYear
        ? `${birthYear}-0${1 + Math.floor(rng() * 9)}-1${Math.floor(rng() * 9)}`
        : null;
      // The age group is stored in clear; without a birth date, staff pick it (or leave it unknown).
      const ageGroup = birthYear ? ageGroupAt(2026 - birthYear) : pick(rng, AGE_GROUPS);
      const idNumbers =
        rng() < 0.3
          ? [
              {
                kind: 'passport',
                number: `${pick(rng, ['AN', 'ID', 'AC'])}${1000000 + Math.floor(rng() * 8999999)}`,
              },
            ]
          : [];
      const contacts =
        rng() < 0.5
          ? [
              {
                kind: 'phone',
                value: `+996 7${Math.floor(10 + rng() * 89)} ${Math.floor(100000 + rng() * 899999)}`,
                safe: rng() < 0.8,
                hours: null,
              },
            ]
          : [];
      const region = pick(rng, REGION_BAG);
      const districts = DISTRICTS.filter((d) => d.region === region);
      const district = districts.length && rng() < 0.7 ? pick(rng, districts).id : null;
      const at = new Date(createdMs).toISOString();
      const j = (field: string, v: unknown[]) => (v.length ? key.encrypt(field, JSON.stringify(v)) : null);
      rows.push({
        id,
        dek: wrapped,
        kind: 'individual',
        names_enc: key.encrypt(
          'names',
          JSON.stringify(names.map((full) => ({ full, script: spec.latin ? 'latn' : 'cyrl' }))),
        ),
        aliases_enc: j('aliases', aliases),
        sex: rng() < 0.03 ? 'unknown' : spec.female ? 'female' : 'male',
        gender_enc: null,
        birth_date_enc: key.encrypt('birth_date', birthDate),
        age_group: ageGroup,
        region,
        district,
        id_numbers_enc: j('id_numbers', idNumbers),
        contacts_enc: j('contacts', contacts),
        address_enc: null,
        notes_enc: null,
        group_size: null,
        merged_into: null,
        created_by: pick(rng, lawyers).id,
        created_at: at,
        updated_at: at,
      });
      if (rng() < 0.15) {
        const codes = new Set([pick(rng, VULNERABILITIES)]);
        if (spec.female && rng() < 0.5) codes.add('woman');
        if (rng() < 0.2) codes.add(pick(rng, VULNERABILITIES));
        for (const code of codes) vul.push({ person_id: id, code });
      }
      for (const k of personKeys(
        env,
        [...names, ...aliases],
        idNumbers.map((x) => x.number),
      ))
        keys.push({ key: k.key, kind: k.kind, person_id: id });
      people.push({ id, spec, names: [...names, ...aliases] });
      personRegion.push(region);
    }
    await loader.load({ people: rows, person_vulnerabilities: vul, person_keys: keys });
    add('people', rows.length);
    add('person_vulnerabilities', vul.length);
    add('person_keys', keys.length);
    opts.progress?.('people', people.length, opts.people);
  }
  await loader.done();
  const tPeople = performance.now();

  // Cases, opened evenly over eight years up to the day before "today" of the data.
  const first = Date.parse('2019-01-01T00:00:00Z');
  const today = Date.parse('2026-11-27T00:00:00Z');
  const seqByYear = new Map<number, number>();
  const personOf = () => Math.floor(rng() * people.length);
  for (let c = 0; c < opts.cases; c += CHUNK) {
    const rows: CasesTable[] = [];
    const members: CaseMembersTable[] = [];
    const cpeople: CasePeopleTable[] = [];
    const problems: Tables['case_problems'][] = [];
    for (let i = c; i < Math.min(opts.cases, c + CHUNK); i++) {
      if (i % 200 === 0) await breathe();
      const openedMs = first + Math.floor((i / opts.cases) * (today - first));
      const id = idAt(rng, openedMs + 9 * 3600_000);
      const type = pick(rng, TYPE_BAG);
      const client = personOf();
      const region = rng() < 0.85 ? personRegion[client]! : pick(rng, REGION_BAG);
      const local = byRegion.get(region)!;
      const lead = local.length && rng() < 0.8 ? pick(rng, local) : pick(rng, lawyers);
      const days = type === 'consultation' ? Math.floor(rng() * 14) : 60 + Math.floor(rng() * 900);
      const closedMs = openedMs + days * DAY;
      const closed = closedMs < today && rng() < 0.97;
      const year = new Date(openedMs).getUTCFullYear();
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear.set(year, seq);
      const { key, wrapped } = env.newRecordKey('cases', id);
      const at = new Date(openedMs + 9 * 3600_000).toISOString();
      const problem = pick(rng, PROBLEMS);
      const districts = DISTRICTS.filter((d) => d.region === region);
      rows.push({
        id,
        dek: wrapped,
        number: `LA-${year}-${String(seq).padStart(5, '0')}`,
        type,
        status: closed ? 'closed' : 'open',
        stage: type === 'consultation' ? null : pick(rng, STAGES.slice(0, 3 + Math.floor(rng() * 3))),
        restricted: rng() < 0.04 ? 1 : 0,
        region,
        district: districts.length && rng() < 0.6 ? pick(rng, districts).id : null,
        title_enc: key.encrypt('title', `${TITLES[type]!}: ${problem}`),
        summary_enc: key.encrypt('summary', rng() < 0.6 ? SUMMARY : null),
        court: null,
        judge: null,
        docket_bidx: null,
        docket_enc: null,
        lead_user_id: lead.id,
        opened_on: isoDay(openedMs),
        closed_on: closed ? isoDay(closedMs) : null,
        closing_code: closed ? pick(rng, CLOSING[type]!) : null,
        outcome_enc: null,
        intake_id: null,
        created_by: lead.id,
        created_at: at,
        updated_at: closed ? new Date(closedMs + 10 * 3600_000).toISOString() : at,
      });
      problems.push({ case_id: id, code: problem });
      if (rng() < 0.3) {
        const p2 = pick(rng, PROBLEMS);
        if (p2 !== problem) problems.push({ case_id: id, code: p2 });
      }
      members.push({ case_id: id, user_id: lead.id, role: 'lead', added_by: lead.id, added_at: at });
      const team = new Set([lead.id]);
      for (const [role, share] of [
        ['co_counsel', 0.25],
        ['paralegal', 0.08],
        ['grant', 0.02],
      ] as const) {
        const u = pick(rng, lawyers).id;
        if (rng() < share && !team.has(u)) {
          team.add(u);
          members.push({ case_id: id, user_id: u, role, added_by: lead.id, added_at: at });
        }
      }
      const inCase = new Set<number>();
      const addPerson = (p: number, role: string) => {
        if (inCase.has(p)) return;
        inCase.add(p);
        cpeople.push({ id: idAt(rng, openedMs), case_id: id, person_id: people[p]!.id, role, added_at: at });
      };
      addPerson(client, 'client');
      if (type !== 'consultation') {
        if (rng() < 0.05) addPerson(personOf(), 'client');
        if (type !== 'victim_representation' && rng() < 0.2) addPerson(personOf(), 'victim');
        if (type === 'victim_representation' && rng() < 0.3) addPerson(personOf(), 'perpetrator');
        if (rng() < 0.15) addPerson(personOf(), 'opposing_party');
        if (rng() < 0.1) addPerson(personOf(), 'witness');
      }
    }
    await loader.load({ cases: rows, case_problems: problems, case_members: members, case_people: cpeople });
    add('cases', rows.length);
    add('case_problems', problems.length);
    add('case_members', members.length);
    add('case_people', cpeople.length);
    opts.progress?.('cases', counts.cases!, opts.cases);
  }
  await loader.done();
  // The per-year counters a later case number continues from (casesRepo.nextNumber).
  for (const [year, seq] of seqByYear)
    await ctx.db
      .insertInto('settings')
      .values({ key: `cases.seq.${year}`, value: String(seq), updated_at: new Date(today).toISOString() })
      .execute();
  const tEnd = performance.now();
  return {
    adminId: admin.id,
    lawyers,
    people,
    years: [2019, new Date(today).getUTCFullYear()],
    counts,
    ms: { users: tUsers - t0, people: tPeople - tUsers, cases: tEnd - tPeople, total: tEnd - t0 },
  };
}

// ---- queries of the conflict check -----------------------------------------------------------------

export type QueryKind =
  | 'latin_passport'
  | 'latin_bgn'
  | 'latin_german'
  | 'cyrillic_of_latin'
  | 'swapped'
  | 'initial'
  | 'patronymic'
  | 'typo'
  | 'upper_case'
  | 'nonexistent';

export interface ConflictQuery {
  kind: QueryKind;
  query: string;
  /** Index into Generated.people of the person meant, or null for a name nobody has. */
  person: number | null;
}

const TYPO_LETTERS = [...'аеиоунлркстмб'];
function typo(rng: Rng, word: string): string {
  const xs = [...word];
  if (xs.length < 4) return word;
  const i = 1 + Math.floor(rng() * (xs.length - 2));
  const op = Math.floor(rng() * 3);
  if (op === 0) xs.splice(i, 1);
  else if (op === 1) [xs[i], xs[i + 1]] = [xs[i + 1]!, xs[i]!];
  else xs[i] = pick(rng, TYPO_LETTERS);
  return xs.join('');
}

/** One way intake staff write a stored person's name again. */
function variant(rng: Rng, n: NameSpec, kind: Exclude<QueryKind, 'nonexistent'>): string {
  const trad = !n.surname;
  const givenFamily = trad ? `${n.given} ${n.father} ${marker(n)}` : `${n.surname} ${n.given}`;
  switch (kind) {
    case 'latin_passport':
      return romanise(trad ? `${n.given} ${n.father}` : `${n.given} ${n.surname}`, 'passport');
    case 'latin_bgn':
      return romanise(cyrillicName(n), 'bgn');
    case 'latin_german':
      return romanise(trad ? `${n.given} ${n.father} ${marker(n)}` : `${n.given} ${n.surname}`, 'german');
    case 'cyrillic_of_latin':
      return cyrillicName(n);
    case 'swapped':
      return trad
        ? `${n.father} ${marker(n)} ${n.given}`
        : `${n.given}${n.patronymic ? ` ${n.patronymic}` : ''} ${n.surname}`;
    case 'initial':
      return trad ? `${n.given[0]!}. ${n.father} ${marker(n)}` : `${n.surname} ${n.given[0]!}.`;
    case 'patronymic':
      return trad
        ? `${n.given} ${n.father}`
        : n.patronymic
          ? givenFamily
          : `${givenFamily} ${patronymicOf(n.father, n.female)}`;
    case 'typo': {
      const parts = cyrillicName(n).split(' ');
      const at = Math.floor(rng() * 2);
      parts[at] = typo(rng, parts[at]!);
      return parts.join(' ');
    }
    case 'upper_case':
      return cyrillicName(n).toUpperCase();
  }
}

const VARIANT_KINDS: ReadonlyArray<Exclude<QueryKind, 'nonexistent' | 'cyrillic_of_latin'>> = [
  'latin_passport',
  'latin_bgn',
  'latin_german',
  'swapped',
  'initial',
  'patronymic',
  'typo',
  'upper_case',
];

/**
 * `count` query names: variants of existing people (their kind in turn; a person stored in Latin is
 * looked up in Cyrillic) and, for `nonexistent` of them, names nobody in the registry has.
 */
export function conflictQueries(
  gen: LoadedPeople,
  count: number,
  nonexistent: number,
  seed = 7,
): ConflictQuery[] {
  const rng = seededRng(seed);
  const out: ConflictQuery[] = [];
  for (let i = 0; out.length < count - nonexistent; i++) {
    const person = Math.floor(rng() * gen.people.length);
    const spec = gen.people[person]!.spec;
    const kind = spec.latin ? 'cyrillic_of_latin' : VARIANT_KINDS[i % VARIANT_KINDS.length]!;
    out.push({ kind, query: variant(rng, spec, kind), person });
  }
  while (out.length < count) {
    const q = `${pick(rng, NONE_FAMILY)} ${pick(rng, NONE_GIVEN)}`;
    out.push({ kind: 'nonexistent', query: rng() < 0.5 ? q : romanise(q, 'bgn'), person: null });
  }
  // Interleave so that a slow kind does not cluster in one part of the run.
  return out
    .map((q) => ({ q, r: rng() }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.q);
}
