import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { shares } from '../../src/web/features/monitoring/mission/dashboard.common.ts';

const sum = (xs: (number | null)[]) => xs.reduce<number>((a, n) => a + (n ?? 0), 0);

describe("the dashboard's shares of an answer", () => {
  test('answers that exclude each other add up to 100 % where equal counts allow', () => {
    // Each rounded alone: 17 + 17 + 67 = 101. Equal counts show equal shares, even short of 100.
    assert.deepEqual(shares([1, 1, 1], 3), [33, 33, 33]);
    assert.deepEqual(shares([1, 1, 4], 6), [17, 17, 66]);
    assert.deepEqual(shares([1, 4, 1], 6), [17, 66, 17]);
    assert.deepEqual(shares([2, 1], 3), [67, 33]);
    assert.deepEqual(shares([0, 5], 5), [0, 100]);
    assert.deepEqual(shares([1, 1, 1, 1, 1, 1, 1, 1], 8), [12, 12, 12, 12, 12, 12, 12, 12]);
    assert.deepEqual(shares([3, 3, 1], 7), [43, 43, 14]);
    // The three equal counts cannot all have the point; the larger one still gets it.
    assert.deepEqual(shares([1, 1, 1, 5], 8), [12, 12, 12, 63]);
    // Many options over an awkward total, every time.
    for (let total = 1; total <= 60; total++) {
      const counts = [0, 0, 0, 0, 0, 0, 0];
      for (let k = 0; k < total; k++) counts[(k * 5) % 7]! += 1;
      const p = shares(counts, total);
      assert.ok(Math.abs(sum(p) - 100) < counts.length, `total ${total}: ${p.join(' + ')}`);
      // Never short by a point that a group of one could have taken without passing a larger count.
      const single = counts.filter((n) => counts.filter((m) => m === n).length === 1).length;
      if (single === counts.length) assert.equal(sum(p), 100, `total ${total}: ${p.join(' + ')}`);
      p.forEach((x, i) => {
        // None moves a point or more from its exact share, and more answers never show less.
        assert.ok(Math.abs(x! - (counts[i]! * 100) / total) < 1, `${total} ${i}`);
        p.forEach((y, j) => {
          if (counts[i]! === counts[j]!) assert.equal(x, y, `${total}: equal counts ${i}, ${j}`);
          if (counts[i]! > counts[j]!) assert.ok(x! >= y!, `${total}: ${i} shows less than ${j}`);
        });
      });
    }
    // Where no two counts are equal, exactly 100.
    assert.equal(sum(shares([1, 2, 4], 7)), 100);
    assert.equal(sum(shares([5, 3, 2, 1], 11)), 100);
  });

  test('a multiple-choice question (counts beyond the total) is rounded one by one', () => {
    assert.deepEqual(shares([2, 2, 1], 3), [67, 67, 33]);
  });

  test('a withheld count stays withheld, and nothing is made of nothing', () => {
    assert.deepEqual(shares([null, 7], 12), [null, 58]);
    assert.deepEqual(shares([3, 4], null), [null, null]);
    assert.deepEqual(shares([0, 0], 0), [0, 0]);
  });
});
