import assert from 'node:assert/strict';
import { it } from 'node:test';
import { spellDay } from '../../src/web/intl/spell-day.ts';

it('writes a date input’s day out in the language, as typed, in no time zone', () => {
  assert.equal(spellDay('en', '2026-12-04'), 'December 4, 2026');
  assert.equal(spellDay('ru', '2026-12-04'), '4 декабря 2026 г.');
  // The first minutes of a day stay on that day whatever zone the device is in.
  assert.equal(spellDay('en', '2026-01-01T00:10'), 'January 1, 2026 at 12:10 AM');
  assert.match(spellDay('ky', '2026-03-08')!, /2026.*8.*март/);
});

it('writes nothing for an empty, half-typed or impossible value', () => {
  for (const v of ['', '2026-12', '2026-13-40', 'tomorrow', undefined, 7])
    assert.equal(spellDay('en', v), null, String(v));
});
