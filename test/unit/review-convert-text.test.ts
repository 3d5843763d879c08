import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { flattenFields, type FormDefinition } from '../../src/core/forms/index.ts';
import {
  describeAnswers,
  eventDay,
  firstChoice,
  recordPlace,
} from '../../src/server/modules/monitoring/review.convert.text.ts';
import type { CachedVersion } from '../../src/server/modules/monitoring/submissions.forms.ts';

const L = (en: string, ru: string, ky: string) => ({ en, ru, ky });

const def: FormDefinition = {
  title: L('Incident', 'Инцидент', 'Окуя'),
  kind: 'incident',
  sections: [
    {
      key: 's',
      title: L('Incident', 'Инцидент', 'Окуя'),
      fields: [
        {
          key: 'what',
          type: 'single_choice',
          label: L('What happened?', 'Что произошло?', 'Эмне болду?'),
          options: [{ key: 'detention', label: L('Detention', 'Задержание', 'Кармоо') }],
        },
        { key: 'when', type: 'datetime', label: L('When?', 'Когда?', 'Качан?') },
        { key: 'where', type: 'location', label: L('Where?', 'Где?', 'Кайда?') },
        {
          key: 'injured',
          type: 'boolean',
          label: L('Was anyone injured?', 'Есть пострадавшие?', 'Жаракат алгандар барбы?'),
        },
        {
          key: 'people',
          type: 'repeat',
          label: L('People detained', 'Задержанные', 'Кармалгандар'),
          fields: [
            { key: 'role', type: 'text', label: L('Role', 'Роль', 'Ролу') },
            { key: 'hurt', type: 'boolean', label: L('Hurt', 'Пострадал', 'Жабыркады') },
          ],
        },
      ],
    },
  ],
};

const v: CachedVersion = {
  id: 'v',
  formId: 'f',
  kind: 'incident',
  title: def.title,
  definition: def,
  flat: flattenFields(def),
  counted: [],
  fileFields: [],
  groups: [],
};

// 14:51 UTC is 20:51 in Bishkek; Alamudun district (1091691655) is in Chüy (KG-C).
const answers = {
  what: 'detention',
  when: '2026-12-06T14:51:49.129Z',
  where: { region: 'KG-C', district: '1091691655', place: 'near the school', lat: 42.9, lon: 74.6 },
  injured: false,
  people: [{ role: 'observer', hurt: true }, {}],
};

describe('a report as the violation record or case it becomes', () => {
  test('labels, option names, Bishkek time and places by name, in the reader’s language; no "?:"', () => {
    const en = describeAnswers(v, answers, 'en');
    assert.equal(
      en,
      [
        'What happened? Detention',
        'When? 2026-12-06 20:51 (Bishkek time)',
        'Where? Chuy · Alamudun District · near the school (42.90000, 74.60000)',
        'Was anyone injured? No',
        'People detained:',
        '  1. Role: observer; Hurt: Yes',
      ].join('\n'),
    );
    const ru = describeAnswers(v, answers, 'ru');
    assert.match(ru, /^Когда\? 2026-12-06 20:51 \(время Бишкека\)$/m);
    assert.match(ru, /^Есть пострадавшие\? Нет$/m);
    assert.doesNotMatch(ru, /[{}"]|KG-C|1091691655|T14:51/);
  });

  test('the event’s day is when it happened, not when the phone sent it; a reset clock is not believed', () => {
    // Bishkek's day of the answer, even where UTC is still the day before.
    const late = { when: '2026-12-05T19:30:00Z' };
    assert.equal(eventDay(v, late, '2026-12-07T08:00:00Z', '2026-12-07T08:00:01Z'), '2026-12-06');
    // No answer: the phone's day; a phone that thought it was 1970: the day the server got it.
    assert.equal(eventDay(v, {}, '2026-12-06T08:00:00Z', '2026-12-06T08:00:01Z'), '2026-12-06');
    assert.equal(
      eventDay(v, { when: '1970-01-01T00:05:00Z' }, '1970-01-01T00:05:00Z', '2026-12-06T08:00:00Z'),
      '2026-12-06',
    );
    // An answer days ahead of arrival is not the incident's day either.
    assert.equal(
      eventDay(v, { when: '2027-01-10T10:00:00Z' }, '2026-12-06T08:00:00Z', '2026-12-06T08:00:01Z'),
      '2026-12-06',
    );
  });

  test('the place: the report’s region, a district the observer chose there, their place before the site’s', () => {
    assert.deepEqual(recordPlace(v, answers, { region: 'KG-C', district: null }, 'Tokmok'), {
      region: 'KG-C',
      district: '1091691655',
      place: 'near the school',
    });
    // A district of another region is not taken; the site's place stands in for a missing one.
    const elsewhere = { where: { region: 'KG-C', district: '1091691655' } };
    assert.deepEqual(recordPlace(v, elsewhere, { region: 'KG-N', district: null }, 'Naryn'), {
      region: 'KG-N',
      place: 'Naryn',
    });
    // A public report has no site: the observer's answer gives the region.
    assert.deepEqual(recordPlace(v, elsewhere, { region: null, district: null }, null), {
      region: 'KG-C',
      district: '1091691655',
    });
  });

  test('the title names what happened', () => {
    assert.equal(firstChoice(v, answers, 'ru'), 'Задержание');
    assert.equal(firstChoice(v, {}, 'ru'), null);
  });
});
