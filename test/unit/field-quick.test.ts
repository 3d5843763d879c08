import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isCritical, validateAnswers } from '../../src/core/forms/answers.ts';
import type { FormDefinition } from '../../src/core/forms/types.ts';
import { shippedTemplates } from '../../src/server/modules/monitoring/forms.templates.ts';
import { checklistStart, movedPlace, quickIncidentAnswers } from '../../src/web/features/field/quick.ts';

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

describe('the detention incident form (ADR 0034)', () => {
  const def = shippedTemplates().find((t) => t.key === 'detention_incident')!.definition;

  test('the red button starts it as the general form: sends as it is, critical by its urgent-help answer', () => {
    const { answers, locationKey } = quickIncidentAnswers(def, site, NOW);
    assert.equal(locationKey, 'incident_location');
    assert.deepEqual(Object.keys(answers).sort(), ['incident_location', 'occurred_at', 'urgent_help']);
    // Two taps from inside an institution must send: what happened and the person's consent can follow
    // in a correction once it is safe, as with the general form.
    assert.deepEqual(validateAnswers(def, answers), []);
    assert.equal(isCritical(def, answers), true);
  });

  test('an allegation of ill-treatment is not critical by itself; urgent help, reprisal risk or a death is', () => {
    const base = {
      incident_type: 'ill_treatment',
      incident_location: { region: 'KG-C' },
      consent: 'anonymous',
      urgent_help: false,
    };
    assert.deepEqual(validateAnswers(def, base), []);
    assert.equal(isCritical(def, base), false);
    assert.equal(isCritical(def, { ...base, reprisal_risk: true }), true);
    assert.equal(isCritical(def, { ...base, urgent_help: true }), true);
    assert.equal(isCritical(def, { ...base, incident_type: 'death' }), true);
  });
});

describe('a new checklist starts with what its site already says (field app)', () => {
  const template = (key: string) => shippedTemplates().find((t) => t.key === key)!.definition;
  const sizo = { region: 'KG-GB', district: null };
  const kant = { region: 'KG-C', district: '1091691655' };

  test("detention visit: the institution's place and the day of the visit, both valid answers", () => {
    const def = template('detention_visit');
    const answers = checklistStart(def, kant, NOW);
    assert.deepEqual(answers, {
      visit_date: '2026-11-30',
      institution_location: { region: 'KG-C', district: '1091691655' },
    });
    // Started answers never break the form's rules (no answer to a hidden question).
    assert.ok(validateAnswers(def, answers).every((i) => i.code === 'required'));
  });

  test("trial: the court's place and the day of the hearing; the court is the site itself", () => {
    const def = template('trial');
    assert.deepEqual(checklistStart(def, sizo, NOW), {
      court_location: { region: 'KG-GB' },
      hearing_date: '2026-11-30',
    });
    assert.equal(
      def.sections.flatMap((s) => s.fields).some((f) => f.key === 'court_name'),
      false,
      'no question asks for the court the report is filed under',
    );
  });

  test('an incident report opened from a site’s card gets its place, never a time', () => {
    const def = template('incident');
    const answers = checklistStart(def, kant, NOW);
    assert.deepEqual(answers, { incident_location: { region: 'KG-C', district: '1091691655' } });
    assert.ok(validateAnswers(def, answers).every((i) => i.code === 'required'));
  });

  test("the day is Bishkek's (half past midnight there is already the next day), and a question shown only sometimes is left alone", () => {
    const late = new Date('2026-11-30T18:30:00Z'); // 00:30 on 1 December in Bishkek
    const def: FormDefinition = {
      title: { ky: 'Т', ru: 'Т', en: 'T' },
      kind: 'checklist',
      sections: [
        {
          key: 's',
          title: { ky: 'Т', ru: 'Т', en: 'T' },
          fields: [
            { key: 'ok', type: 'boolean', label: { ky: 'О', ru: 'О', en: 'O' } },
            {
              key: 'where',
              type: 'location',
              label: { ky: 'Ж', ru: 'М', en: 'W' },
              visibleIf: { field: 'ok', op: 'eq', value: false },
            },
            { key: 'day', type: 'date', label: { ky: 'К', ru: 'Д', en: 'D' } },
          ],
        },
      ],
    };
    assert.deepEqual(checklistStart(def, kant, late), { day: '2026-12-01' });
  });
});
