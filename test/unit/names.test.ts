import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  bestMatch,
  compareNames,
  editDistance,
  MATCH_THRESHOLD,
  MAX_NAME_TOKENS,
  nameKeys,
  nameTokens,
  phoneticKey,
  queryKeys,
  skeletonKey,
  type NameKey,
} from '../../src/core/names/index.ts';

const keySet = (keys: NameKey[]) => new Set(keys.map((k) => `${k.kind}:${k.value}`));
const sharedKeys = (query: string, stored: string) => {
  const stored_ = keySet(nameKeys(stored));
  return [...keySet(queryKeys(query))].filter((k) => stored_.has(k));
};

describe('phonetic keys', () => {
  const same = (...spellings: string[]) => {
    const keys = spellings.map(phoneticKey);
    assert.deepEqual(new Set(keys).size, 1, `${spellings.join(' / ')} → ${keys.join(' / ')}`);
  };
  test('common romanisations of one name collide', () => {
    same('Исмаилова', 'Ismailova', 'Ismailowa', 'ISMAILOVA');
    same('Өмүрбек', 'Omurbek', 'Ömürbek');
    same('Азимжан', 'Azimjan', 'Azimzhan', 'Azimdzhan');
    same('Жээнбеков', 'Jeenbekov', 'Zheenbekov', 'Dscheenbekow');
    same('Юлия', 'Yulia', 'Yuliya', 'Iuliia');
    same('Семёнов', 'Семенов', 'Semyonov', 'Semjonow');
    same('Дмитрий', 'Dmitriy', 'Dmitry', 'Dmitrij');
    same('Атамбаев', 'Atambayev', 'Atambaev', 'Atambajew');
    same('Шерали', 'Sherali', 'Scherali', 'Şerali');
    same('Бахтиёр', 'Bakhtiyor', 'Baxtiyor');
    same('Чолпон', 'Cholpon', 'Tscholpon', 'Çolpon');
    same('Хохлов', 'Khokhlov', 'Chochlow');
    same('Фарходов', 'Farkhodov', 'Farxodov', 'Farchodow');
    same('Максим', 'Maksim', 'Maxim');
  });
  test('different names stay apart', () => {
    assert.notEqual(phoneticKey('Асель'), phoneticKey('Айсулуу'));
    assert.notEqual(phoneticKey('Нурлан'), phoneticKey('Нурбек'));
    assert.notEqual(phoneticKey('Чолпон'), phoneticKey('Шолпан'));
  });
  test('skeletons absorb vowel spellings', () => {
    assert.equal(skeletonKey('Ismailova'), skeletonKey('Ismoilova'));
    assert.equal(skeletonKey('Ismailova'), 'ismlv');
    assert.equal(skeletonKey('Julija'), skeletonKey('Юлия'));
    assert.notEqual(skeletonKey('Ismailova'), skeletonKey('Ismanova'));
  });
  test('edit distance counts an adjacent swap as one edit', () => {
    assert.equal(editDistance('ismailova', 'ismialova', 3), 1);
    assert.equal(editDistance('ismailova', 'ismailova', 2), 0);
    assert.equal(editDistance('abc', 'xyz', 1), 2);
  });
});

describe('name tokens', () => {
  test('patronymics by suffix in either script, initials with and without a dot', () => {
    const t = nameTokens('Исмаилова А. Бакытовна');
    assert.deepEqual(
      t.map((x) => [x.phon, x.initial, x.patronymic]),
      [
        ['ismailova', false, false],
        ['a', true, false],
        ['bakitovna', false, true],
      ],
    );
    assert.equal(nameTokens('Ivanov Petr Sergeyevich')[2]?.patronymic, true);
    assert.equal(nameTokens('Iwanow Pjotr Sergejewitsch')[2]?.patronymic, true);
    assert.deepEqual(
      nameTokens('Yu. Ivanova').map((x) => x.initial),
      [true, false],
    );
    assert.deepEqual(
      nameTokens('A Ivanova').map((x) => x.initial),
      [true, false],
    );
  });
  test('Kyrgyz and Uzbek markers are dropped and mark the father’s name', () => {
    for (const n of ['Нурлан Бакыт уулу', 'Nurlan Bakyt uulu', 'Nurlan Bakyt-uulu', 'Нурлан Бакытуулу']) {
      const t = nameTokens(n);
      assert.deepEqual(
        t.map((x) => [x.phon, x.patronymic]),
        [
          ['nurlan', false],
          ['bakit', true],
        ],
        n,
      );
    }
    assert.deepEqual(
      nameTokens('Karimova Dilnoza Rustam qizi').map((x) => x.patronymic),
      [false, false, true],
    );
  });
  test('hyphens split a double name; punctuation and digits are ignored', () => {
    assert.deepEqual(
      nameTokens('Петрова-Исмаилова, Анна (2)').map((x) => x.phon),
      ['petrova', 'ismailova', 'ana'],
    );
    assert.deepEqual(nameTokens(' ,. '), []);
  });
  test('key counts stay small', () => {
    assert.equal(nameKeys('Исмаилова Айгуль Бакытовна').length, 8);
    // At most phon+skel per token and 6 pairs, even for a long name.
    assert.equal(nameKeys('Петрова-Исмаилова Анна Сергеевна Викторовна Х.').length, 15);
    assert.ok(
      nameKeys('Анна Мария Луиза Петрова Иванова Сидорова Кузнецова Смирнова Попова Васильева').length <=
        2 * MAX_NAME_TOKENS + 6,
    );
    // Short tokens have no skeleton key; patronymics are not paired.
    assert.deepEqual([...keySet(nameKeys('Ali Ahmed'))].sort(), [
      'pair:ahmed|a',
      'pair:ali|a',
      'phon:ahmed',
      'phon:ali',
      'skel:ahmd',
    ]);
  });
});

// Each pair is one person written two ways: the score must clear the threshold and the lookup keys
// must meet, or the server would never fetch the candidate.
const SAME_PERSON: ReadonlyArray<readonly [string, string]> = [
  ['Исмаилова Айгуль', 'Ismailova Aigul'],
  ['Ismailova Aigul', 'Ismailowa Aigul'],
  ['Өмүрбек Асанов', 'Omurbek Asanov'],
  ['Ömürbek Asanov', 'Omurbek Asanov'],
  ['Азимжан Юсупов', 'Azimjan Yusupov'],
  ['Azimzhan Yusupov', 'Azimjan Yusupov'],
  ['Семёнов Иван', 'Семенов Иван'],
  ['Исмаилова А.', 'Айгуль Исмаилова'],
  ['Ismailova A', 'Исмаилова Айгүл Бакытовна'],
  ['Исмаилова Айгуль Бакытовна', 'Aigul Ismailova'],
  ['Aigul Ismailova', 'Исмаилова Айгүл Бакытовна'],
  ['Нурлан Бакыт уулу', 'Nurlan Bakyt uulu'],
  ['Бакыт уулу Нурлан', 'Nurlan Bakyt uulu'],
  ['Айгүл Исмаилова', 'Исмаилова Айгүл'],
  ['Ismailvoa Aigul', 'Исмаилова Айгуль'],
  ['Julija Iwanowa', 'Иванова Юлия Сергеевна'],
  ['Sarina Emilowa', 'Эмилова Зарина'],
  ['Chasan Ilchomow', 'Илхомов Хасан'],
  ['Farxodov Abdulla Rustamovich', 'Фарходов Абдулла Рустамович'],
  ['Dscheenbekow Sooronbai', 'Жээнбеков Сооронбай Шарипович'],
  ['Нурлан Бакыт', 'Нурлан Бакыт уулу'],
];

describe('compareNames', () => {
  for (const [q, s] of SAME_PERSON) {
    test(`${q} ~ ${s}`, () => {
      const m = compareNames(q, s);
      assert.ok(m.score >= MATCH_THRESHOLD, `${m.score} ${m.reasons.join(',')}`);
      assert.ok(sharedKeys(q, s).length > 0, 'query keys meet the stored keys');
    });
  }
  test('verdicts and reasons', () => {
    assert.deepEqual(compareNames('Айгуль Исмаилова', 'Айгуль Исмаилова'), {
      score: 1,
      reasons: ['identical'],
    });
    assert.deepEqual(compareNames('Семёнов Иван', 'семенов иван').reasons, ['case_or_yo']);
    const translit = compareNames('Aigul Ismailova', 'Исмаилова Айгүл Бакытовна');
    assert.ok(translit.score >= 0.85, String(translit.score));
    assert.deepEqual(translit.reasons, ['transliteration', 'order_swapped', 'patronymic_ignored']);
    const initial = compareNames('Исмаилова А.', 'Айгуль Исмаилова');
    assert.deepEqual(initial.reasons, ['identical', 'initial', 'order_swapped']);
    assert.ok(compareNames('Ismoilova Aigul', 'Ismailova Aigul').reasons.includes('similar_spelling'));
    // Differing patronymics weigh in full but can still leave a long name above the threshold.
    const fathers = compareNames('Петрова-Исмаилова Анна Сергеевна', 'Петрова-Исмаилова Анна Викторовна');
    assert.deepEqual(fathers.reasons, ['identical', 'patronymic_differs']);
    assert.ok(fathers.score >= MATCH_THRESHOLD && fathers.score < 0.8, String(fathers.score));
  });
  test('a swapped order never lowers the score', () => {
    const straight = compareNames('Исмаилова Айгуль Бакытовна', 'Ismailova Aigul Bakytovna');
    const swapped = compareNames('Айгуль Бакытовна Исмаилова', 'Ismailova Aigul Bakytovna');
    assert.equal(swapped.score, straight.score);
    assert.ok(swapped.reasons.includes('order_swapped'));
    assert.ok(!straight.reasons.includes('order_swapped'));
  });
  test('a missing patronymic barely lowers the score', () => {
    const full = compareNames('Исмаилова Айгуль Бакытовна', 'Исмаилова Айгуль Бакытовна').score;
    const without = compareNames('Исмаилова Айгуль', 'Исмаилова Айгуль Бакытовна').score;
    assert.ok(full - without <= 0.06, `${full} → ${without}`);
  });
  test('different people stay below the threshold', () => {
    const different: ReadonlyArray<readonly [string, string]> = [
      ['Aigul Ismailova', 'Aigul Bekova'],
      ['Айгуль Исмаилова Бакытовна', 'Айгуль Токтогулова Бакытовна'],
      ['Нурлан Бакыт уулу', 'Нурлан Асан уулу'],
      ['Исмаилова Айгуль Бакытовна', 'Исмаилова Айгуль Нурлановна'],
      ['Asel Ismailova', 'Aisulu Ismailova'],
      ['Исмаилова Б.', 'Исмаилова Айгуль Бакытовна'],
      ['Нурлан', 'Нурлан Асанов'],
      ['Нурлан Бакыт уулу', 'Бакыт Нурлан уулу'],
      ['Исмаилов Айбек', 'Исмаилова Айгуль'],
      ['Мария Макарова', 'Дарья Макарова'],
      ['Иван Петров', 'Сергей Иванов'],
    ];
    for (const [q, s] of different) {
      const m = compareNames(q, s);
      assert.ok(m.score < MATCH_THRESHOLD, `${q} / ${s}: ${m.score}`);
    }
    assert.ok(compareNames('Aigul Ismailova', 'Aigul Bekova').score <= 0.5);
    assert.deepEqual(compareNames('Aigul', 'Bolot'), { score: 0, reasons: [] });
    assert.deepEqual(compareNames('', 'Bolot'), { score: 0, reasons: [] });
  });
  test('bestMatch picks the best of a person’s names', () => {
    assert.deepEqual(bestMatch('Ismailova Aigul', []), { score: 0, reasons: [], index: -1 });
    const m = bestMatch('Ismailova Aigul', ['Бекова Айгуль', 'Исмаилова Айгүл Бакытовна', 'Aigul Bekova']);
    assert.equal(m.index, 1);
    assert.ok(m.score >= 0.85);
  });
});

describe('properties', () => {
  const namePart = fc.constantFrom(
    'Исмаилова',
    'Ismailova',
    'Айгүл',
    'Aigul',
    'Бакытовна',
    'Нурлан',
    'Bakyt',
    'уулу',
    'А.',
    'Семёнов',
    'Ömürbek',
    'Жээнбеков',
    'Dscheenbekow',
  );
  const name = fc.oneof(
    fc.array(namePart, { minLength: 1, maxLength: 4 }).map((p) => p.join(' ')),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
  );
  test('score is in [0, 1] and symmetric', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const ab = compareNames(a, b).score;
        assert.ok(ab >= 0 && ab <= 1);
        assert.ok(Math.abs(ab - compareNames(b, a).score) < 1e-9);
      }),
    );
  });
  test('a name matches itself with 1, and its keys meet its query keys', () => {
    fc.assert(
      fc.property(name, (a) => {
        if (nameTokens(a).length === 0) return;
        assert.equal(compareNames(a, a).score, 1);
        if (nameTokens(a).some((t) => !t.initial)) assert.ok(sharedKeys(a, a).length > 0);
      }),
    );
  });
});
