// Deterministic people for the name-matching benchmark: Kyrgyz, Russian and Uzbek-style names in
// Cyrillic, and the ways intake staff write them again (other romanisations, order, initials,
// patronymic or not, ё/е, a typo). Seeded, so every run measures the same set.

export type Rng = () => number;

/** mulberry32: a small seeded PRNG, so the set is the same on every run and machine. */
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
const words = (s: string) => s.split(' ');

const KG_MALE = words(
  'Нурлан Бакыт Азамат Эрлан Улан Алмаз Темирлан Бекжан Жоомарт Канат Марат Мирлан Нурбек Өмүрбек ' +
    'Талант Эрмек Жыргалбек Бактыбек Самат Тилек Үсөн Чыңгыз Данияр Жээнбек Кубанычбек Маматали ' +
    'Сооронбай Төлөгөн Асан Медер Айбек Адилет Алтынбек Курманбек Исмаил Абдыкадыр Токтогул Атамбай ' +
    'Жусуп Кылычбек Шайлоо Эсен Бейшен Орозбек Мукай Сатыбалды Зайырбек Дөөлөт Эмил Калыс Мелис',
);
const KG_FEMALE = words(
  'Айгүл Асель Айжан Жылдыз Гүлнара Нургүл Айнура Бермет Чолпон Динара Жаңыл Назгүл Айсулуу Мээрим ' +
    'Гүлзат Эльмира Бактыгүл Айпери Кыял Салтанат Толгонай Бүбүсара Калыйча Үмүт Нуриза Айдай Эльнура ' +
    'Жибек Сезим Акылай Гүлмира Аида Зарина Сайкал Кундуз Алтынай Элиза Каныкей Жамиля Мөлдир',
);
const RU_MALE = words(
  'Иван Сергей Дмитрий Алексей Андрей Михаил Николай Евгений Владимир Павел Юрий Фёдор Пётр Артём ' +
    'Виктор Олег Игорь Максим Александр Семён Яков Григорий Василий Константин Роман Денис Антон Борис',
);
const RU_FEMALE = words(
  'Юлия Наталья Мария Елена Ольга Татьяна Ирина Светлана Анна Екатерина Алёна Людмила Галина ' +
    'Валентина Оксана Евгения Ксения Дарья Анастасия Надежда Вера Софья Яна Лариса Полина Кристина',
);
const RU_SURNAMES = words(
  'Иванов Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Петров Волков Соловьёв ' +
    'Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов Беляев ' +
    'Тарасов Белов Комаров Орлов Киселёв Макаров Андреев Ковалёв Гусев Титов Кудрявцев Баранов ' +
    'Куликов Алексеев Степанов Яковлев Сергеев Романов Захаров Борисов Королёв Герасимов Пономарёв ' +
    'Григорьев Ильин Сорокин Кузьмин Щербаков Шевцов Чернов Жуков Хохлов Цветков Мельников Шубин',
);
const UZ_MALE = words(
  'Азимжан Бахтиёр Шерали Рустам Улугбек Фарход Жасур Шухрат Дилшод Тимур Бобур Нодир Алишер Санжар ' +
    'Равшан Отабек Зафар Акмал Анвар Ёдгор Шавкат Хуршид Илхом Мухаммад Абдулла Исломжон Журабек ' +
    'Хасан Хусан Комил Жамшид Собир Ойбек Шахзод Элёр',
);
const UZ_FEMALE = words(
  'Дилноза Гулноза Мохира Нигора Шахноза Феруза Гулчехра Дилфуза Малика Севара Умида Зиёда Нилуфар ' +
    'Мадина Шоира Гулбахор Дилором Мунира Лола Ойгул Хилола Юлдуз Камола Барно Сурайё Наргиза',
);

const VOWELS = 'аеёиоуыэюяөүәАЕЁИОУЫЭЮЯӨҮ';
const endsVowel = (s: string) => VOWELS.includes(s.slice(-1));

/** Surname from a man's name: Бакыт → Бакытов(а), Атамбай → Атамбаев(а), Маматали → Маматалиев(а). */
function surnameOf(root: string, female: boolean): string {
  const base = /[йь]$/.test(root) ? root.slice(0, -1) + 'ев' : endsVowel(root) ? root + 'ев' : root + 'ов';
  return female ? base + 'а' : base;
}

/** Russian-style patronymic: Бакыт → Бакытович/Бакытовна, Сергей → Сергеевич, Игорь → Игоревна. */
function patronymicOf(father: string, female: boolean): string {
  const f = father.replace(/^Пётр$/, 'Петр').replace(/ё/g, 'е');
  const ev = /[йь]$/.test(f) ? f.slice(0, -1) + 'ев' : endsVowel(f) ? f + 'ев' : f + 'ов';
  return ev + (female ? 'на' : 'ич');
}

export type Style = 'kg' | 'kg_trad' | 'ru' | 'uz';

export interface Person {
  id: number;
  style: Style;
  female: boolean;
  given: string;
  /** Surname; '' for the traditional Kyrgyz form, which has the father's name instead. */
  surname: string;
  father: string;
  patronymic: string;
  /** The names stored for this person: the Cyrillic record, sometimes a Latin passport alias. */
  names: string[];
}

function femaleRuSurname(s: string): string {
  return /(ов|ев|ёв|ин)$/.test(s) ? s + 'а' : s;
}

/** One person of a given style, with the name as stored on the record. */
function makePerson(rng: Rng, id: number): Person {
  const r = rng();
  const style: Style = r < 0.35 ? 'kg' : r < 0.5 ? 'kg_trad' : r < 0.75 ? 'ru' : 'uz';
  const female = rng() < 0.5;
  const [males, females] =
    style === 'ru' ? [RU_MALE, RU_FEMALE] : style === 'uz' ? [UZ_MALE, UZ_FEMALE] : [KG_MALE, KG_FEMALE];
  const given = pick(rng, female ? females : males);
  const father = pick(rng, males);
  if (style === 'kg_trad') {
    const name = `${given} ${father} ${female ? 'кызы' : 'уулу'}`;
    return { id, style, female, given, surname: '', father, patronymic: '', names: [name] };
  }
  const surname =
    style === 'ru'
      ? ((s) => (female ? femaleRuSurname(s) : s))(pick(rng, RU_SURNAMES))
      : surnameOf(pick(rng, males), female);
  const patronymic = patronymicOf(father, female);
  // A quarter of the records were entered without the patronymic.
  const name = rng() < 0.25 ? `${surname} ${given}` : `${surname} ${given} ${patronymic}`;
  return { id, style, female, given, surname, father, patronymic, names: [name] };
}

/**
 * `count` people, no two with the same given name and family name (or father's name, for the
 * traditional form): such namesakes cannot be told apart by any name matcher, so they would
 * measure the data rather than the matcher. Namesakes by initial are kept.
 */
export function makePeople(rng: Rng, count: number, firstId: number, seen = new Set<string>()): Person[] {
  const out: Person[] = [];
  while (out.length < count) {
    const p = makePerson(rng, firstId + out.length);
    const key = `${p.given}|${p.surname || p.father}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}
