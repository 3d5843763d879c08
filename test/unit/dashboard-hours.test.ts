import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeline } from '../../src/web/features/monitoring/mission/dashboard.timeline.ts';

test('reports per hour keep time: quiet hours between reports become empty columns', () => {
  const { step, buckets } = timeline([
    { hour: '2026-11-30T08:00:00Z', n: 3, critical: 1 },
    { hour: '2026-11-30T11:00:00Z', n: null, critical: null },
  ]);
  assert.equal(step, 'hour');
  assert.deepEqual(
    buckets.map((h) => [new Date(h.at).toISOString().slice(11, 13), h.n]),
    [
      ['08', 3],
      ['09', 0],
      ['10', 0],
      // A withheld hour stays withheld: it is not turned into a zero.
      ['11', null],
    ],
  );
});

test('past three days, by the Bishkek day, quiet days as zero; a day with a withheld hour is withheld', () => {
  const { step, buckets } = timeline([
    // 19:00 UTC is 01:00 the next day in Bishkek.
    { hour: '2026-11-05T19:00:00Z', n: 2, critical: 1 },
    { hour: '2026-11-06T10:00:00Z', n: 1, critical: 0 },
    { hour: '2026-11-09T03:00:00Z', n: 4, critical: 2 },
    { hour: '2026-11-09T05:00:00Z', n: null, critical: null },
  ]);
  assert.equal(step, 'day');
  assert.deepEqual(
    buckets.map((b) => [b.at, b.n, b.critical]),
    [
      ['2026-11-06', 3, 1],
      ['2026-11-07', 0, 0],
      ['2026-11-08', 0, 0],
      ['2026-11-09', null, null],
    ],
  );
});

test('a mission of months, by the week from Monday', () => {
  const { step, buckets } = timeline([
    { hour: '2026-06-03T08:00:00Z', n: 1, critical: 0 }, // a Wednesday
    { hour: '2026-06-07T08:00:00Z', n: 2, critical: 1 }, // the Sunday of that week
    { hour: '2026-11-30T08:00:00Z', n: 5, critical: 0 }, // a Monday
  ]);
  assert.equal(step, 'week');
  assert.deepEqual(buckets[0], { at: '2026-06-01', n: 3, critical: 1 });
  assert.deepEqual(buckets[buckets.length - 1], { at: '2026-11-30', n: 5, critical: 0 });
  assert.ok(
    buckets.every((b, i) => i === 0 || Date.parse(b.at) - Date.parse(buckets[i - 1]!.at) === 7 * 86_400_000),
  );
  assert.equal(
    buckets.reduce((s, b) => s + (b.n ?? 0), 0),
    8,
  );
});

test('nothing, or one report, is one column or none', () => {
  assert.deepEqual(timeline([]), { step: 'hour', buckets: [] });
  const one = timeline([{ hour: '2026-11-30T08:00:00Z', n: 1, critical: 0 }]);
  assert.deepEqual(one, { step: 'hour', buckets: [{ at: '2026-11-30T08:00:00.000Z', n: 1, critical: 0 }] });
});

test('the public rows come grouped with their step: each day column stays its own Bishkek day', () => {
  const { step, buckets } = timeline(
    [
      { hour: '2026-11-05T18:00:00.000Z', n: 6, critical: 0 }, // 6 November, midnight in Bishkek
      { hour: '2026-11-07T18:00:00.000Z', n: null, critical: null },
    ],
    'day',
  );
  assert.equal(step, 'day');
  assert.deepEqual(
    buckets.map((b) => [b.at, b.n]),
    [
      ['2026-11-06', 6],
      ['2026-11-07', 0],
      ['2026-11-08', null],
    ],
  );
});
