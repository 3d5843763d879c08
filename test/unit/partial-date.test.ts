import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { partialDateBounds, partialDatesInWrongOrder } from '../../src/core/partial-date.ts';

const wrong = partialDatesInWrongOrder;

describe('partial dates as ranges of days', () => {
  test('a year, a month and a day each cover their days (leap years, short months)', () => {
    assert.deepEqual(partialDateBounds('2026'), { earliest: '2026-01-01', latest: '2026-12-31' });
    assert.deepEqual(partialDateBounds('2026-03'), { earliest: '2026-03-01', latest: '2026-03-31' });
    assert.deepEqual(partialDateBounds('2026-04'), { earliest: '2026-04-01', latest: '2026-04-30' });
    assert.deepEqual(partialDateBounds('2024-02'), { earliest: '2024-02-01', latest: '2024-02-29' });
    assert.deepEqual(partialDateBounds('2026-02'), { earliest: '2026-02-01', latest: '2026-02-28' });
    assert.deepEqual(partialDateBounds('2026-03-14'), { earliest: '2026-03-14', latest: '2026-03-14' });
  });

  test('an end that may fall inside or after the start is accepted, in either order of precision', () => {
    const fine: [string, string][] = [
      ['2026-03', '2026-03-14'], // a month, then a day in it
      ['2026-03-14', '2026-03'], // a day, then "in that month"
      ['2026', '2026-03'],
      ['2026-03', '2026'],
      ['2026', '2026-03-14'],
      ['2026-03-14', '2026'],
      ['2026', '2026'],
      ['2026-03', '2026-03'],
      ['2026-03-14', '2026-03-14'],
      ['2026-03-14', '2026-03-15'],
      ['2026-03', '2026-04-01'],
      ['2025-12-31', '2026'],
      ['2025', '2026-01'],
    ];
    for (const [s, e] of fine) assert.equal(wrong(s, e), false, `${s} → ${e}`);
  });

  test('an end whose last possible day is before the start’s first is refused', () => {
    const bad: [string, string][] = [
      ['2026-04', '2026-03-31'],
      ['2026-03-31', '2026-03-30'],
      ['2026-03-14', '2026-02'],
      ['2026-03', '2026-02'],
      ['2026-03', '2026-02-28'],
      ['2026', '2025-12-31'],
      ['2026', '2025-12'],
      ['2026', '2025'],
      ['2026-01-01', '2025'],
      ['2026-01', '2025-12'],
    ];
    for (const [s, e] of bad) assert.equal(wrong(s, e), true, `${s} → ${e}`);
  });

  test('a missing start or end is never in the wrong order', () => {
    for (const [s, e] of [
      ['', '2026'],
      ['2026', ''],
      [null, '2026-03'],
      ['2026-03', undefined],
      [undefined, null],
    ] as const)
      assert.equal(wrong(s, e), false);
  });

  test('the same answers as comparing only the parts both dates know (the rule it replaced)', () => {
    const dates: string[] = [];
    for (const y of ['2025', '2026'])
      for (const m of ['01', '02', '12']) {
        dates.push(y, `${y}-${m}`);
        for (const d of ['01', '15', m === '02' ? '28' : '31']) dates.push(`${y}-${m}-${d}`);
      }
    for (const s of dates)
      for (const e of dates) {
        const n = Math.min(s.length, e.length);
        assert.equal(wrong(s, e), e.slice(0, n) < s.slice(0, n), `${s} → ${e}`);
      }
  });
});
