import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv, parseCsvRows } from '../../src/core/csv.ts';

test('each record carries the line of the file where it starts', () => {
  const text = '\uFEFF\na,b\r\n\r\n"x\ny",z\rlast,"one"\n\n';
  assert.deepEqual(
    parseCsvRows(text).map((r) => [r.line, r.cells]),
    [
      [1, ['']],
      [2, ['a', 'b']],
      [3, ['']],
      [4, ['x\ny', 'z']],
      [6, ['last', 'one']],
      [7, ['']],
    ],
  );
  assert.deepEqual(
    parseCsv(text),
    parseCsvRows(text).map((r) => r.cells),
  );
});

test('the first line with text picks the delimiter, even after blank lines', () => {
  assert.deepEqual(parseCsv('\n\ncode;name\nA;B\n').slice(2), [
    ['code', 'name'],
    ['A', 'B'],
  ]);
});

test('a guarded cell reads back as it was written; other apostrophes stay', async () => {
  const { csvField, csvUnguard } = await import('../../src/core/csv.ts');
  for (const v of ['=SUM(A1)', '+996 555', '-5', '@home', 'plain', "'quoted'", "O'Brien"]) {
    const cell = parseCsv(csvField(v))[0]![0]!;
    assert.equal(csvUnguard(cell), v, v);
  }
  assert.equal(csvUnguard("'tis"), "'tis");
});
