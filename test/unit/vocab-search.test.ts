import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildIndex, type VocabTerm } from '../../src/web/components/vocab/useVocabulary.ts';
import { haystack, matches, normalise, queryWords } from '../../src/web/components/vocab/search.ts';
import { mergeShipped } from '../../src/server/modules/vocab/vocab.import.ts';
import { parseCsv } from '../../src/server/modules/vocab/vocab.sources.ts';

const term = (code: string, parent: string | null, ky: string, ru: string, en: string): VocabTerm => ({
  code,
  parent,
  labels: { ky, ru, en },
  active: true,
  ref: null,
  origin: 'huridocs',
  kyStatus: ky ? 'draft' : 'missing',
  ruStatus: 'draft',
});

describe('vocabulary search', () => {
  test('case, accents, ё/е and Kyrgyz letters typed on a Russian keyboard fold the same way', () => {
    assert.equal(normalise('Ёлка'), 'елка');
    assert.equal(normalise('Exécution SOMMAIRE'), 'execution sommaire');
    assert.equal(normalise('Өлтүрүү, кыйноо'), 'олтуруу кыиноо');
    assert.equal(normalise('Көңүл'), normalise('Конул'));
    assert.equal(normalise('Üsküdar'), 'uskudar');
  });

  test('every word must occur, in any of the three languages', () => {
    const hay = haystack(['Кыйноо', 'Пытки и жестокое обращение', 'Torture', '010101']);
    assert.ok(matches(hay, queryWords('кыйноо')));
    assert.ok(matches(hay, queryWords('ПЫТК')));
    assert.ok(matches(hay, queryWords('torture жесток')));
    assert.ok(matches(hay, queryWords('  ')));
    assert.ok(!matches(hay, queryWords('torture killing')));
    assert.ok(matches(haystack(['Өлүм жазасы']), queryWords('олум')));
    assert.ok(matches(haystack(['Отравление ещё']), queryWords('еще')));
    assert.ok(!matches(haystack(['Попытка изнасилования']), queryWords('пытк')), 'word starts only');
    assert.ok(matches(haystack(['Кыйноолор']), queryWords('кыйноо')));
  });

  test('the index gives depth, parents and the fallback label when the UI language has none', () => {
    const idx = buildIndex(
      [
        term('01', null, 'Жашоо укугу', 'Право на жизнь', 'Right to life'),
        term('0101', '01', '', 'Убийство', 'Killing'),
        term('010101', '0101', '', '', 'Summary execution'),
      ],
      'ky',
    );
    const leaf = idx.byCode.get('010101')!;
    assert.equal(leaf.depth, 2);
    assert.deepEqual(leaf.path, ['Жашоо укугу', 'Убийство']);
    assert.equal(leaf.label, 'Summary execution');
    assert.equal(leaf.fallback, true);
    assert.equal(idx.byCode.get('0101')!.label, 'Убийство', 'Russian before English');
    assert.equal(idx.byCode.get('01')!.fallback, false);
    assert.equal(idx.label('nope'), 'nope', 'an unknown code shows as itself');
  });
});

describe('vocabulary import rules', () => {
  const row = {
    parent_code: null,
    label_ky: '',
    label_ru: 'Гомосексуалист',
    sort: 3,
    origin: 'huridocs',
    ref: null,
    ky_status: 'missing',
    ru_status: 'draft',
  };
  const shipped = {
    code: '1',
    parent: null,
    ky: 'Гей',
    ru: 'Гей',
    en: 'Gay',
    ref: null,
    kyStatus: 'draft' as const,
    ruStatus: 'draft' as const,
  };

  test('a later release fills a missing label and replaces a draft', () => {
    assert.deepEqual(mergeShipped(row, shipped, 3), {
      label_ky: 'Гей',
      ky_status: 'draft',
      label_ru: 'Гей',
      ru_status: 'draft',
    });
  });

  test('a reviewed label, a local term and an entered reference are never overwritten', () => {
    assert.deepEqual(mergeShipped({ ...row, ky_status: 'reviewed', ru_status: 'reviewed' }, shipped, 3), {});
    assert.deepEqual(mergeShipped({ ...row, origin: 'local' }, shipped, 9), {});
    assert.deepEqual(
      mergeShipped({ ...row, ref: '34', label_ky: 'Гей', label_ru: 'Гей' }, { ...shipped, ref: '35' }, 3),
      {},
    );
  });

  test('CSV: quoted commas, doubled quotes, CRLF', () => {
    assert.deepEqual(parseCsv('code,label\r\n1,"a, ""b"""\r\n2,c\n'), [
      { code: '1', label: 'a, "b"' },
      { code: '2', label: 'c' },
    ]);
  });
});
