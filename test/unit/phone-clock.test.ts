import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plausiblePhoneTime } from '../../src/core/phone-clock.ts';

const RECEIVED = Date.parse('2026-12-06T14:00:00Z');

test('a phone time from 2000 up to a day after arrival is believed', () => {
  assert.equal(plausiblePhoneTime(Date.parse('2026-12-06T13:59:00Z'), RECEIVED), true);
  assert.equal(plausiblePhoneTime(Date.parse('2000-01-01T00:00:00Z'), RECEIVED), true);
  assert.equal(plausiblePhoneTime(RECEIVED + 86_400_000, RECEIVED), true, 'a day ahead, not more');
});

test('a reset clock (1970), a clock days ahead, or no time at all is not', () => {
  assert.equal(plausiblePhoneTime(Date.parse('1970-01-01T00:00:05Z'), RECEIVED), false);
  assert.equal(plausiblePhoneTime(RECEIVED + 86_400_001, RECEIVED), false);
  assert.equal(plausiblePhoneTime(Date.parse('not a time'), RECEIVED), false);
});
