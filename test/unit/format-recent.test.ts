import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatRecent } from '../../src/web/intl/format.ts';

// 2026-12-06 22:30 UTC is already 7 December, 04:30 in Bishkek (UTC+6).
const NOW = new Date('2026-12-06T22:30:00Z');

test('a time of the same Bishkek day shows as the time alone', () => {
  assert.equal(formatRecent('en', '2026-12-06T21:36:00Z', NOW), '3:36 AM');
  assert.equal(formatRecent('ru', '2026-12-06T21:36:00Z', NOW), '03:36');
});

test('a time of another Bishkek day keeps its date, though UTC calls it the same day', () => {
  // 17:59 UTC on 6 December is 23:59 on the 6th in Bishkek: yesterday there.
  const r = formatRecent('ru', '2026-12-06T17:59:00Z', NOW)!;
  assert.match(r, /6 дек/);
  assert.match(r, /23:59/);
});

test('nothing, or a value that is no time, is passed through', () => {
  assert.equal(formatRecent('en', null, NOW), null);
  assert.equal(formatRecent('en', 'soon', NOW), 'soon');
});
