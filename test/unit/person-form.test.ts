import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  detectScript,
  emptyValues,
  formErrorPaths,
  toCreateBody,
  toPatchBody,
  withPrecision,
  type PersonFormValues,
} from '../../src/web/features/people/personForm.ts';

function filled(): PersonFormValues {
  return {
    ...emptyValues('Исмаилова Айгуль'),
    aliases: ['Айка'],
    sex: 'female',
    gender: 'woman',
    birthPrecision: 'month',
    birthDate: '1987-05',
    region: 'KG-C',
    district: null,
    address: 'Bishkek',
    vulnerabilities: ['hrd'],
    notes: 'Met at the office',
  };
}

describe('person form', () => {
  test('detects the script from the letters; no letters, no guess', () => {
    assert.equal(detectScript('Исмаилова Айгүл'), 'cyrl');
    assert.equal(detectScript('Ismailova Aigul'), 'latn');
    assert.equal(detectScript('Ismailova Айгуль Бакытовна'), 'cyrl');
    assert.equal(detectScript('إسماعيلوفا'), 'other');
    assert.equal(detectScript('  12 '), null);
  });

  test('an untouched form sends only the name: nothing is assumed about a person', () => {
    assert.deepEqual(toCreateBody(emptyValues('Ismailova Aigul')), {
      names: [{ full: 'Ismailova Aigul', script: 'latn' }],
    });
  });

  test('an explicit script beats detection; empty names, ids and contacts are dropped', () => {
    const v = emptyValues('  Ismailova  ');
    v.names[0]!.script = 'cyrl';
    v.names.push({ key: 'k2', full: ' ', script: 'auto' });
    v.idNumbers.push({ key: 'i', kind: null, number: '' });
    v.contacts.push({ key: 'c', kind: 'phone', value: ' 0555 ', safe: false, hours: '' });
    assert.deepEqual(toCreateBody(v), {
      names: [{ full: 'Ismailova', script: 'cyrl' }],
      contacts: [{ kind: 'phone', value: '0555', safe: false }],
    });
  });

  test('group size is sent for groups only; district only with its region', () => {
    const v = { ...emptyValues('Арал'), groupSize: 40, district: '1091690427' };
    assert.equal(toCreateBody(v).groupSize, undefined);
    assert.equal(toCreateBody(v).district, undefined);
    const g = { ...v, kind: 'group' as const, region: 'KG-B' };
    assert.equal(toCreateBody(g).groupSize, 40);
    assert.equal(toCreateBody(g).district, '1091690427');
  });

  test('an edit sends only what changed, and clears emptied fields', () => {
    const before = filled();
    assert.deepEqual(toPatchBody(before, before), {});
    const after = { ...before, sex: null, notes: '', aliases: [], address: 'Osh' };
    assert.deepEqual(toPatchBody(after, before), {
      sex: 'unknown',
      notes: '',
      aliases: [],
      address: 'Osh',
    });
  });

  test('changing the date precision keeps what still fits', () => {
    assert.equal(withPrecision('1987-05-17', 'month'), '1987-05');
    assert.equal(withPrecision('1987-05-17', 'year'), '1987');
    assert.equal(withPrecision('1987', 'date'), '1987');
    assert.equal(withPrecision('1987-05', null), '');
  });

  test('server errors on list items of tag inputs land on the whole input', () => {
    assert.deepEqual(formErrorPaths({ 'aliases.3': 'too long', 'names.0.full': 'required' }), {
      aliases: 'too long',
      'names.0.full': 'required',
    });
  });
});
