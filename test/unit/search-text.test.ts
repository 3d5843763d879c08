import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeText } from '../../src/core/text.ts';
import {
  PREFIX_MAX,
  documentHashes,
  documentStems,
  fts5String,
  indexedForms,
  queryTerms,
  searchTokens,
  sensitiveQueryForms,
  stem,
  tsqueryLexeme,
} from '../../src/server/platform/search/text.ts';
import { matchExpression } from '../../src/server/platform/search/sqlite.ts';

// Arbitrary unicode: whole code points (incl. astral), raw UTF-16 units (lone surrogates) and graphemes.
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...'ӨөҮүҢңЁёЙйOoUuNn  \t"*():^-\'\\'), maxLength: 30 }),
);

void describe('search text normalisation', () => {
  void test('Kyrgyz letters lower-case but stay distinct from о у н; ё folds to е', () => {
    assert.deepEqual(searchTokens('ӨКМӨТТҮН ҮЙ ҢАЛА ЁЛКА'), ['өкмөттүн', 'үй', 'ңала', 'елка']);
    assert.notDeepEqual(searchTokens('өкмөт'), searchTokens('окмот'));
    assert.deepEqual(searchTokens('  «Укук», (2026)-жыл! '), ['укук', '2026', 'жыл']);
  });

  void test('stems: Russian and English; Kyrgyz unchanged', () => {
    assert.equal(stem('ru', 'правительства'), stem('ru', 'правительство'));
    assert.equal(stem('ru', 'нарушения'), 'нарушен');
    assert.equal(stem('en', 'running'), 'run');
    assert.equal(stem('ky', 'өкмөттүн'), 'өкмөттүн');
    assert.deepEqual(documentStems('ky', ['өкмөттүн']), []);
  });

  void test('sensitive words are indexed with prefixes from 3 code points', () => {
    assert.deepEqual(
      indexedForms('өкмөттүн').sort(),
      ['өкм', 'өкмө', 'өкмөт', 'өкмөтт', 'өкмөттү', 'өкмөттүн'].sort(),
    );
    assert.deepEqual(indexedForms('үй'), ['үй']);
    const long = 'а'.repeat(40);
    assert.ok(indexedForms(long).every((f) => Array.from(f).length <= PREFIX_MAX));
    assert.ok(sensitiveQueryForms('правительство').includes('правительств'));
  });

  void test('document hashes contain no plaintext and match query forms', () => {
    const hash = (s: string) => `h(${s.length})${Buffer.from(s).toString('hex').slice(0, 6)}`;
    const hashes = documentHashes(searchTokens('Правительства Өкмөттүн'), hash);
    assert.ok(hashes.every((h) => !/[а-яөүң]/i.test(h)));
    for (const q of ['правительство', 'өкмөт']) {
      assert.ok(
        sensitiveQueryForms(q)
          .map(hash)
          .some((h) => hashes.includes(h)),
        q,
      );
    }
  });

  void test('query syntax is always quoted', () => {
    assert.equal(fts5String('a"b'), '"a""b"');
    assert.equal(tsqueryLexeme("o'k\\", true), "'o\\'k\\\\':*");
    assert.deepEqual(queryTerms('" AND OR ( NEAR *'), ['and', 'or', 'near']);
    assert.equal(
      matchExpression([{ term: 'or', stems: ['or'], hashes: [] }]),
      '(body : "or" * OR stems : "or")',
    );
  });

  void test('property: normalisation is idempotent and never throws (arbitrary unicode)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = normalizeText(s);
        assert.equal(normalizeText(once), once);
        const tokens = searchTokens(s);
        assert.deepEqual(searchTokens(tokens.join(' ')), tokens);
        for (const t of tokens) assert.match(t, /^[\p{L}\p{N}]+$/u);
      }),
      { numRuns: 200 },
    );
  });

  void test('property: query terms can never carry query syntax', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        for (const t of queryTerms(s)) {
          assert.doesNotMatch(t, /["'*:()&|!<>\\\s]/);
          assert.ok(tsqueryLexeme(t, true).endsWith(':*'));
        }
      }),
      { numRuns: 200 },
    );
  });
});
