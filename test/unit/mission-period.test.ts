import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import { resources } from '../../src/core/i18n/index.ts';
import { activeOutsideDates } from '../../src/web/features/monitoring/missionDates.ts';
import { missionPeriod } from '../../src/web/features/monitoring/period.ts';

// A mission's dates on the missions list, the mission page and the public results page.

const i18n = i18next.createInstance();
await i18n.init({
  resources,
  lng: 'en',
  fallbackLng: false,
  ns: ['monitoring'],
  interpolation: { escapeValue: false },
});
// Dates as they come, so the test reads what the period adds around them.
const fmt = { date: (d: string) => `<${d}>` } as unknown as Parameters<typeof missionPeriod>[1];
const period = (l: string, a: string | null, b: string | null) =>
  missionPeriod(i18n.getFixedT(l, 'monitoring'), fmt, a, b);

test('both dates make a range, one day one date, none nothing', () => {
  assert.equal(period('en', '2026-11-01', '2026-11-30'), '<2026-11-01> – <2026-11-30>');
  assert.equal(period('en', '2026-11-30', '2026-11-30'), '<2026-11-30>');
  assert.equal(period('en', null, null), '');
});

test('a start or an end alone says which it is, in every language (not read as a one-day mission)', () => {
  assert.equal(period('en', '2026-11-01', null), 'From <2026-11-01>');
  assert.equal(period('en', null, '2026-11-30'), 'Until <2026-11-30>');
  assert.equal(period('ru', '2026-11-01', null), 'С <2026-11-01>');
  assert.equal(period('ru', null, '2026-11-30'), 'До <2026-11-30>');
  assert.equal(period('ky', '2026-11-01', null), 'Башталышы: <2026-11-01>');
  assert.equal(period('ky', null, '2026-11-30'), 'Аякташы: <2026-11-30>');
});

test('an active mission before its start or after its end is pointed out; a draft or a closed one is not', () => {
  assert.equal(activeOutsideDates('active', '2026-12-10', '', '2026-12-07'), 'early');
  assert.equal(activeOutsideDates('active', '2026-12-07', '2026-12-07', '2026-12-07'), null);
  assert.equal(activeOutsideDates('active', '2026-12-01', '2026-12-06', '2026-12-07'), 'over');
  assert.equal(activeOutsideDates('active', '', '', '2026-12-07'), null);
  assert.equal(activeOutsideDates('draft', '2026-12-10', '', '2026-12-07'), null);
  assert.equal(activeOutsideDates('closed', '2026-12-01', '2026-12-06', '2026-12-07'), null);
});
