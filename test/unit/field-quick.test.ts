import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isCritical, validateAnswers } from '../../src/core/forms/answers.ts';
import type { FormDefinition } from '../../src/core/forms/types.ts';
import { shippedTemplates } from '../../src/server/modules/monitoring/forms.templates.ts';
import { movedPlace, quickIncidentAnswers } from '../../src/web/features/field/quick.ts';

const incident = shippedTemplates().find((t) => t.key === 'incident')!.definition;
const site = { region: 'KG-C', district: null };
const NOW = new Date('2026-11-30T08:41:00Z');

describe('critical incident in two taps (field app)', () => {
  test('the shipped incident form, started by the red button, sends as it is, and as critical', () => {
    const { answers, locationKey } = quickIncidentAnswers(incident, site, NOW);
    // What the server checks (validateAnswers is the same code on both sides): nothing is missing.
    assert.deepEqual(validateAnswers(incident, answers), []);
    assert.equal(isCritical(incident, answers), true);
    assert.equal(locationKey, 'incident_location');
    assert.deepEqual(answers.incident_location, { region: 'KG-C' });
    assert.equal(answers.urgent_help, true);
    // Nothing is guessed beyond time, place and the alarm itself.
    assert.deepEqual(Object.keys(answers).sort(), ['incident_location', 'occurred_at', 'urgent_help']);
  });

  test('a yes/no question that is optional, or shown only sometimes, is never answered for the observer', () => {
    const def: FormDefinition = {
      title: { ky: 'О', ru: 'И', en: 'I' },
      kind: 'incident',
      sections: [
        {
          key: 's',
          title: { ky: 'О', ru: 'И', en: 'I' },
          fields: [
            { key: 'when', type: 'datetime', label: { ky: 'К', ru: 'К', en: 'W' }, required: true },
            {
              key: 'hurt',
              type: 'boolean',
              label: { ky: 'Ж', ru: 'Р', en: 'Hurt' },
              critical: { op: 'eq', value: true },
            },
            {
              key: 'police',
              type: 'boolean',
              label: { ky: 'М', ru: 'М', en: 'Police' },
              required: true,
              visibleIf: { field: 'hurt', op: 'eq', value: true },
              critical: { op: 'eq', value: true },
            },
          ],
        },
      ],
    };
    const { answers } = quickIncidentAnswers(def, site, NOW);
    assert.deepEqual(Object.keys(answers), ['when']);
    assert.equal(isCritical(def, answers), false);
  });
});

describe('the critical incident moved to another site', () => {
  test("takes the new site's region and district and keeps the phone's position", () => {
    const before = { region: 'KG-C', place: 'School No. 5', lat: 42.87, lon: 74.57 };
    const moved = movedPlace(before, { region: 'KG-O', district: null });
    assert.deepEqual(moved, { region: 'KG-O', lat: 42.87, lon: 74.57 });
    assert.deepEqual(movedPlace(moved, { region: 'KG-C', district: '1091691655' }), {
      region: 'KG-C',
      district: '1091691655',
      lat: 42.87,
      lon: 74.57,
    });
  });

  test('a district that is not of the region is left out; no position, none made up', () => {
    assert.deepEqual(movedPlace(undefined, { region: 'KG-C', district: 'not-a-district' }), {
      region: 'KG-C',
    });
    assert.deepEqual(movedPlace({ region: 'KG-C', lat: '42' }, { region: 'KG-B', district: null }), {
      region: 'KG-B',
    });
  });
});
