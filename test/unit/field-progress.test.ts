import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formProgress } from '../../src/web/features/field/progress.ts';
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
