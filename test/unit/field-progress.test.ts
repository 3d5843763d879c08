import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formProgress } from '../../src/web/features/field/progress.ts';
import type { FormDefinition } from '../../src/core/forms/types.ts';
import { CHECKLIST } from '../helpers/monitoring.ts';

describe('field form progress', () => {
  test('counts the questions on screen; a hidden one does not count until shown', () => {
    const none = formProgress(CHECKLIST, {});
    assert.equal(none.answered, 0);
    assert.equal(none.requiredOpen, 2);
    assert.equal(none.next, 'opened');
    // "Opened late" shows the reason question: one more on screen, answered or not.
    const late = formProgress(CHECKLIST, { opened: false });
    assert.equal(late.total, none.total + 1);
    assert.equal(late.answered, 1);
  });

  test('next goes to a required question before an optional one above it', () => {
    // Opened late: the optional "why late" is open above the required queue question.
    const p = formProgress(CHECKLIST, { opened: false });
    assert.equal(p.requiredOpen, 1);
    assert.equal(p.next, 'queue');
    const done = formProgress(CHECKLIST, { opened: true, queue: 'short' });
    assert.equal(done.requiredOpen, 0);
    assert.notEqual(done.next, null, 'optional questions are still open');
    assert.equal(formProgress(CHECKLIST, { opened: true, queue: 'short', notes: '  ' }).answered, 2);
  });
});

describe('field form progress with repeat groups', () => {
  const L = (en: string) => ({ ky: en, ru: en, en });
  const def: FormDefinition = {
    title: L('Visit'),
    kind: 'checklist',
    sections: [
      {
        key: 's',
        title: L('S'),
        fields: [
          {
            key: 'incidents',
            type: 'repeat',
            label: L('Incidents'),
            fields: [
              { key: 'what', type: 'text', label: L('What'), required: true },
              { key: 'hurt', type: 'boolean', label: L('Hurt') },
              {
                key: 'how',
                type: 'text',
                label: L('How'),
                required: true,
                visibleIf: { field: 'hurt', op: 'eq', value: true },
              },
            ],
          },
        ],
      },
    ],
  };

  test('an entry added but not filled in leaves its required questions open, as the save will say', () => {
    assert.deepEqual(formProgress(def, {}).requiredOpen, 0);
    const added = formProgress(def, { incidents: [{}] });
    assert.equal(added.answered, 0, 'an empty entry is not an answer');
    assert.equal(added.requiredOpen, 1);
    assert.equal(added.next, 'incidents');
    // A question an entry's own answer shows counts too; filled in, nothing is open.
    assert.equal(formProgress(def, { incidents: [{ what: 'x', hurt: true }, {}] }).requiredOpen, 2);
    assert.equal(formProgress(def, { incidents: [{ what: 'x' }, {}] }).answered, 1);
    assert.equal(formProgress(def, { incidents: [{ what: ' ' }] }).answered, 0, 'blank text is no answer');
    const done = formProgress(def, { incidents: [{ what: 'x', hurt: true, how: 'beaten' }] });
    assert.equal(done.requiredOpen, 0);
    assert.equal(done.next, null);
  });
});
