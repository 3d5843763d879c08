import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { shares } from '../../src/web/features/monitoring/mission/dashboard.common.ts';

const sum = (xs: (number | null)[]) => xs.reduce<number>((a, n) => a + (n ?? 0), 0);

describe("the dashboard's shares of an answer", () => {
  test('answers that exclude each other add up to exactly 100 %', () => {
    // Each rounded alone: 33 + 33 + 33 = 99, and 17 + 17 + 67 = 101. Ties go to the earlier option.
    assert.deepEqual(shares([1, 1, 1], 3), [34, 33, 33]);
    assert.deepEqual(shares([1, 1, 4], 6), [17, 17, 66]);
    assert.deepEqual(shares([1, 4, 1], 6), [17, 67, 16]);
    assert.deepEqual(shares([2, 1], 3), [67, 33]);
    assert.deepEqual(shares([0, 5], 5), [0, 100]);
    // Many options over an awkward total, every time.
    for (let total = 1; total <= 60; total++) {
      const counts = [0, 0, 0, 0, 0, 0, 0];
      for (let k = 0; k < total; k++) counts[(k * 5) % 7]! += 1;
      const p = shares(counts, total);
      assert.equal(sum(p), 100, `total ${total}: ${p.join(' + ')}`);
      // None moves more than one point from its exact share.
      p.forEach((x, i) => assert.ok(Math.abs(x! - (counts[i]! * 100) / total) < 1, `${total} ${i}`));
    }
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
