import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shortCaseNumber } from '../../src/web/features/calendar/caseNumber.ts';

test('a case number of the year on screen is its sequence, leading zeros kept', () => {
  assert.equal(shortCaseNumber('LA-2026-00042', '2026'), '00042');
  assert.equal(shortCaseNumber('LA-2026-00001', '2026'), '00001');
  // Past 99 999 cases a year the sequence is longer than five digits; it is kept whole.
  assert.equal(shortCaseNumber('LA-2026-123456', '2026'), '123456');
});

test('a case number of another year keeps its year, so two years’ 00042 stay apart', () => {
  assert.equal(shortCaseNumber('LA-2025-00042', '2026'), '2025-00042');
  assert.notEqual(shortCaseNumber('LA-2025-00042', '2026'), shortCaseNumber('LA-2026-00042', '2026'));
});

test('a number of another shape is shown whole', () => {
  for (const n of [
    '',
    'LA-00042',
    '2026-00042',
    'LA-2026-',
    'LA-26-00042',
    'LA-2026-00042-b',
    'ЛА-2026-00042',
  ]) {
    assert.equal(shortCaseNumber(n, '2026'), n, n);
  }
});
