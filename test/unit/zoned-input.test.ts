import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answerInputValue, zonedInputValue, zonedIso, zonedIsoFromInput } from '../../src/core/zoned-time.ts';
import { quickIncidentAnswers } from '../../src/web/features/field/quick.ts';
import { shippedTemplates } from '../../src/server/modules/monitoring/forms.templates.ts';

/**
 * Date-time answers are typed and shown on Bishkek's clock whatever zone the device is set to (a phone
 * reset to UTC read 07:10 typed as 13:10 Bishkek time on every other screen).
 */
describe('date-time answers on Bishkek time', () => {
  test('what is typed is stored with Bishkek’s offset and shown back as typed', () => {
    assert.equal(zonedIsoFromInput('2026-12-06T07:10'), '2026-12-06T07:10:00+06:00');
    assert.equal(Date.parse(zonedIsoFromInput('2026-12-06T07:10')!), Date.parse('2026-12-06T01:10:00Z'));
    assert.equal(answerInputValue('2026-12-06T07:10:00+06:00'), '2026-12-06T07:10');
    // An answer a phone on UTC stored earlier is shown on Bishkek's clock, as the answers table shows it.
    assert.equal(answerInputValue('2026-12-06T07:10:00+00:00'), '2026-12-06T13:10');
    // Just before midnight UTC is the next day in Bishkek.
    assert.equal(zonedInputValue(Date.parse('2026-12-31T20:30:00Z')), '2027-01-01T02:30');
    assert.equal(zonedIso(Date.parse('2026-11-30T08:41:30Z')), '2026-11-30T14:41:00+06:00');
  });

  test('what is not a date and time gives nothing', () => {
    for (const bad of ['', '2026-12-06', '2026-02-30T10:00', '2026-12-06T24:00', '2026-12-06T10:60', 'noon'])
      assert.equal(zonedIsoFromInput(bad), null, bad);
    for (const bad of [undefined, null, 5, 'not a time']) assert.equal(answerInputValue(bad), '');
  });

  test('the critical incident’s "when" is now on Bishkek’s clock', () => {
    const incident = shippedTemplates().find((t) => t.key === 'incident')!.definition;
    const { answers } = quickIncidentAnswers(
      incident,
      { region: 'KG-C', district: null },
      new Date('2026-11-30T20:05:00Z'),
    );
    assert.equal(answers.occurred_at, '2026-12-01T02:05:00+06:00');
  });
});
