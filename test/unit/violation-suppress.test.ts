import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  hasSmallCell,
  suppressTable,
  suppressTotal,
} from '../../src/server/modules/violations/publish.suppress.ts';

const rows = (...counts: number[]) => counts.map((count, i) => ({ code: `c${i}`, count }));
const values = (cells: { count: number | null }[]) => cells.map((c) => c.count);

test('primary suppression: 1 to threshold−1 withheld, 0 and large counts published', () => {
  assert.deepEqual(values(suppressTable(rows(0, 12, 9, 4, 4), 5)), [0, 12, 9, null, null]);
  assert.equal(suppressTotal(4, 5), null);
  assert.equal(suppressTotal(0, 5), 0);
  assert.equal(suppressTotal(5, 5), 5);
});

test('secondary suppression: one withheld cell takes the smallest other with it', () => {
  // 20 = 12 + 6 + 2: alone, the 2 would be 20 − 12 − 6.
  assert.deepEqual(values(suppressTable(rows(12, 6, 2), 5)), [12, null, null]);
});

test('secondary suppression: withheld cells whose sum is small take one more', () => {
  // 1 + 1 = 2 < 5: the total minus the rest would say both are 1.
  assert.deepEqual(values(suppressTable(rows(30, 7, 1, 1), 5)), [30, null, null, null]);
});

test('every table and threshold: no small published cell, never exactly one withheld', () => {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 2000; i++) {
    const th = 3 + Math.floor(rnd() * 8);
    const table = rows(...Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => Math.floor(rnd() * 15)));
    const out = suppressTable(table, th);
    assert.equal(hasSmallCell(values(out), th), false);
    const hidden = out.filter((c) => c.count === null).length;
    const positive = table.filter((r) => r.count > 0).length;
    assert.ok(hidden !== 1 || positive === 1, JSON.stringify({ table, th, out }));
  }
});

test('cells withheld for another table count as withheld: the rest is suppressed around them', () => {
  // The second hour's count is withheld elsewhere, so its 9 critical incidents are too; alone, the
  // total minus the other hours would give it back, so the smallest other one goes with it.
  assert.deepEqual(values(suppressTable(rows(12, 9, 6), 5, { withheld: [false, true, false] })), [
    12,
    null,
    null,
  ]);
  // A withheld cell of 0 gives nothing away and withholds nothing more.
  assert.deepEqual(values(suppressTable(rows(12, 0, 6), 5, { withheld: [false, true, false] })), [12, 0, 6]);
});
