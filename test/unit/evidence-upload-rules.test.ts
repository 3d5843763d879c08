import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DESCRIPTION_MAX as SERVER_MAX, EvidenceUploadFields } from '../../src/core/schemas/evidence.ts';
import {
  DESCRIPTION_MAX,
  descriptionLength,
  invalidRows,
  isTooLong,
  newRows,
  sendAtOnce,
} from '../../src/web/features/violations/evidence/uploadRules.ts';

const file = (name: string) => new File(['x'], name, { type: 'application/pdf' });
/** What the browser sends for a textarea's text in a multipart form: every line break as CR LF. */
const asSent = (text: string) => text.replace(/\r?\n/g, '\r\n');

describe('evidence upload: a description per file', () => {
  test('the web limit is the server schema’s', () => {
    assert.equal(DESCRIPTION_MAX, SERVER_MAX);
  });

  test('a description is too long exactly when the server would refuse what the browser sends', () => {
    const texts = [
      'a'.repeat(DESCRIPTION_MAX),
      'a'.repeat(DESCRIPTION_MAX + 1),
      `  ${'a'.repeat(DESCRIPTION_MAX)}  \n`,
      `${'a\n'.repeat(DESCRIPTION_MAX / 2 - 1)}a`,
      `${'a\n'.repeat(DESCRIPTION_MAX / 2)}a`,
      '🙂'.repeat(DESCRIPTION_MAX),
      '🙂'.repeat(DESCRIPTION_MAX + 1),
    ];
    for (const text of texts) {
      const refused = !EvidenceUploadFields.safeParse({ description: asSent(text) }).success;
      assert.equal(isTooLong(text), refused, `${descriptionLength(text)} characters`);
    }
    assert.equal(isTooLong(`${'a\n'.repeat(DESCRIPTION_MAX / 2)}a`), true, 'line breaks count twice');
    assert.equal(isTooLong('🙂'.repeat(DESCRIPTION_MAX)), false, 'an emoji counts once');
  });

  test('new rows are prefilled from the shared description and keep distinct keys for equal names', () => {
    const rows = newRows([file('a.pdf'), file('a.pdf')], 'Hospital visit');
    assert.deepEqual(
      rows.map((r) => [r.file.name, r.description]),
      [
        ['a.pdf', 'Hospital visit'],
        ['a.pdf', 'Hospital visit'],
      ],
    );
    assert.notEqual(rows[0]!.key, rows[1]!.key);
    assert.notEqual(newRows([file('b.pdf')], '')[0]!.key, rows[1]!.key);
  });

  test('only the rows over the limit block the batch', () => {
    const [a, b, c] = newRows([file('a.pdf'), file('b.jpg'), file('c.jpg')], '');
    b!.description = 'x'.repeat(DESCRIPTION_MAX + 1);
    assert.deepEqual(invalidRows([a!, b!, c!]), [b]);
    assert.deepEqual(invalidRows([a!, c!]), []);
  });

  test('one file alone is sent at once; several files, or one more, are listed first', () => {
    assert.equal(sendAtOnce([file('a.pdf')], 0, 'note'), true);
    assert.equal(sendAtOnce([file('a.pdf'), file('b.pdf')], 0, ''), false);
    assert.equal(sendAtOnce([file('a.pdf')], 2, ''), false);
    assert.equal(sendAtOnce([file('a.pdf')], 0, 'x'.repeat(DESCRIPTION_MAX + 1)), false);
  });
});
