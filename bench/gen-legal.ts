// Seeded generator of a realistic legal-aid registry for bench/legal.ts: people with Kyrgyz, Russian and
// Uzbek names in Cyrillic and Latin, their REAL ciphertexts and blind-index keys (the same functions
// the people service uses), lawyers, and cases over eight years with their team and people. Bulk load:
// multi-row inserts in a few large transactions, no audit log, no timeline.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { DISTRICTS, REGION_CODES, type RegionCode } from '../src/core/geo/regions.ts';
import { envelope, type AppContext } from '../src/server/platform/context.ts';
import type { Executor } from '../src/server/platform/db/db.ts';
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

const BASE: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ө: 'o', ү: 'u', ң: 'n',
  ў: 'u', қ: 'k', ғ: 'g', ҳ: 'h',
}; // prettier-ignore
export type Scheme = 'passport' | 'bgn' | 'uzbek' | 'german';
const SCHEMES: Readonly<Record<Scheme, Readonly<Record<string, string>>>> = {
  /** Kyrgyz passports: j for ж, plain o/u for ө/ү. */
  passport: { ...BASE, ж: 'j', й: 'i', щ: 'sch' },
  /** BGN/PCGN-like: ye at the start, ö ü ng for the Kyrgyz letters. */
  bgn: { ...BASE, ө: 'ö', ү: 'ü', ң: 'ng' },
  /** Uzbek Latin: x for х, j for ж, o‘ for ў, q for қ. */
  uzbek: { ...BASE, ж: 'j', х: 'x', ц: 's', ы: 'i', ў: 'o‘', қ: 'q', ғ: 'g‘', ё: 'yo' },
  /** German press: w, s, sch, tsch, dsch, ch for х, j for й. */
  german: {
    ...BASE, в: 'w', ж: 'sch', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch',
    ё: 'jo', ю: 'ju', я: 'ja', ө: 'ö', ү: 'ü', ң: 'ng',
  }, // prettier-ignore
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

