import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hourly } from '../../src/web/features/monitoring/mission/dashboard.common.ts';

test('reports per hour keep time: quiet hours between reports become empty columns', () => {
  const rows = [
    { hour: '2026-11-30T08:00:00Z', n: 3, critical: 1 },
    { hour: '2026-11-30T11:00:00Z', n: null, critical: null },
  ];
  const out = hourly(rows);
  assert.deepEqual(
    out.map((h) => [new Date(h.hour).toISOString().slice(11, 13), h.n]),
    [
      ['08', 3],
      ['09', 0],
      ['10', 0],
      // A withheld hour stays withheld: it is not turned into a zero.
      ['11', null],
    ],
  );
});

test('past two weeks of hours, only the hours with reports are shown', () => {
  const rows = [
    { hour: '2026-11-01T08:00:00Z', n: 1, critical: 0 },
    { hour: '2026-11-30T08:00:00Z', n: 2, critical: 0 },
  ];
  assert.deepEqual(hourly(rows), rows);
  assert.deepEqual(hourly(rows.slice(0, 1)), rows.slice(0, 1));
});
