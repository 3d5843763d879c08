import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateDefinition, type FormDefinition } from '../../src/core/forms/index.ts';
import {
  dependentsOn,
  dropConditionsOn,
  keysGoneWith,
  removePath,
} from '../../src/web/features/monitoring/builder/dependents.ts';

const L = (en: string) => ({ ky: '', ru: '', en });

// q2, the group's c2 (one branch of an `any`), section 2 and its q3 (an `all`) depend on q1.
const def: FormDefinition = {
  title: L('Check'),
  kind: 'checklist',
  sections: [
    {
      key: 's1',
      title: L('A'),
      fields: [
        { key: 'q1', type: 'boolean', label: L('Q1') },
        { key: 'q2', type: 'text', label: L('Q2'), visibleIf: { field: 'q1', op: 'eq', value: true } },
        {
          key: 'g',
          type: 'repeat',
          label: L('G'),
          fields: [
            { key: 'c1', type: 'text', label: L('C1') },
            {
              key: 'c2',
              type: 'text',
              label: L('C2'),
              visibleIf: {
                any: [
                  { field: 'c1', op: 'answered' },
                  { field: 'q1', op: 'answered' },
                ],
              },
            },
          ],
        },
      ],
    },
    {
      key: 's2',
      title: L('B'),
      visibleIf: { field: 'q2', op: 'answered' },
      fields: [
        { key: 'q3', type: 'text', label: L('Q3'), visibleIf: { all: [{ field: 'q1', op: 'answered' }] } },
      ],
    },
  ],
};

describe('form builder: removing what conditions depend on', () => {
  test('the fixture is a valid form', () => assert.ok(validateDefinition(def).ok));

  test('a question: its dependents are named, and dropping their conditions leaves a valid form', () => {
    const keys = keysGoneWith(def, 'sections.0.fields.0');
    const after = removePath(def, 'sections.0.fields.0');
    const deps = dependentsOn(after, keys);
    assert.deepEqual(
      deps.map((d) => d.field?.key),
      ['q2', 'c2', 'q3'],
    );
    const fixed = dropConditionsOn(after, keys);
    assert.ok(validateDefinition(fixed).ok);
    assert.equal(fixed.sections[0]!.fields[0]!.visibleIf, undefined);
    // Only the branch on the removed question goes; the rest of a combined condition stays.
    assert.deepEqual(fixed.sections[0]!.fields[1]!.fields![1]!.visibleIf, {
      any: [{ field: 'c1', op: 'answered' }],
    });
    assert.equal(fixed.sections[1]!.fields[0]!.visibleIf, undefined);
    assert.deepEqual(fixed.sections[1]!.visibleIf, { field: 'q2', op: 'answered' });
    assert.deepEqual(def.sections[0]!.fields[1]!.visibleIf, { field: 'q1', op: 'eq', value: true }, 'pure');
  });

  test('a section takes its questions and their children; a group child only itself', () => {
    const keys = keysGoneWith(def, 'sections.0');
    assert.deepEqual([...keys].sort(), ['c1', 'c2', 'g', 'q1', 'q2']);
    const after = removePath(def, 'sections.0');
    assert.equal(dependentsOn(after, keys).length, 2);
    assert.ok(validateDefinition(dropConditionsOn(after, keys)).ok);

    const child = 'sections.0.fields.2.fields.0';
    const left = removePath(def, child);
    assert.deepEqual(
      dependentsOn(left, keysGoneWith(def, child)).map((d) => d.field?.key),
      ['c2'],
    );
    assert.equal(left.sections[0]!.fields[2]!.fields!.length, 1);
  });

  test('nothing depends on the last question: no dependents', () => {
    const path = 'sections.1.fields.0';
    assert.deepEqual(dependentsOn(removePath(def, path), keysGoneWith(def, path)), []);
  });
});
