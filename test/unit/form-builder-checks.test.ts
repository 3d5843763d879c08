import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FormDefinition, L10n } from '../../src/core/forms/index.ts';
import { compareProblem, layoutOf } from '../../src/web/features/monitoring/builder/definition.ts';
import { missingTranslations } from '../../src/web/features/monitoring/builder/translations.ts';

const all = (s: string): L10n => ({ ky: `${s} ky`, ru: `${s} ru`, en: s });

// Fully translated except where a test says otherwise.
function form(): FormDefinition {
  return {
    title: all('Check'),
    description: all('About'),
    kind: 'checklist',
    sections: [
      {
        key: 's1',
        title: all('Opening'),
        fields: [
          { key: 'issued', type: 'number', label: all('Issued'), hint: all('Count them') },
          {
            key: 'queue',
            type: 'single_choice',
            label: all('Queue'),
            options: [
              { key: 'long', label: all('Long') },
              { key: 'short', label: all('Short') },
            ],
          },
          { key: 'type', type: 'single_choice', label: all('Type'), vocabulary: 'esf_types_of_acts' },
          {
            key: 'group',
            type: 'repeat',
            label: all('Group'),
            fields: [{ key: 'child', type: 'number', label: all('Child') }],
          },
          { key: 'when', type: 'date', label: all('When') },
          { key: 'used', type: 'number', label: all('Used') },
        ],
      },
    ],
  };
}

describe('missing translations before publishing', () => {
  test('a fully translated form lacks nothing', () => {
    assert.deepEqual(missingTranslations(form()), []);
  });

  test('names each text by what it belongs to and the languages it lacks, in form order', () => {
    const def = form();
    def.title = { ky: '', ru: 'Проверка', en: 'Check' };
    const s = def.sections[0]!;
    s.title = { ky: 'Ачылыш', ru: '', en: '' };
    s.fields[0]!.hint = { ky: '', ru: '', en: 'Count them' };
    s.fields[1]!.options![1]!.label = { ky: 'Кыска', ru: 'Короткая', en: ' ' };
    s.fields[3]!.itemLabel = { ky: 'Бала', ru: 'Ребёнок', en: '' };
    s.fields[3]!.fields![0]!.label = { ky: '', ru: '', en: 'Child' };
    const got = missingTranslations(def).map((m) => ({
      kind: m.kind,
      langs: m.langs,
      of: 'field' in m ? m.field.key : undefined,
      option: m.kind === 'option' ? m.option.key : undefined,
    }));
    assert.deepEqual(got, [
      { kind: 'title', langs: ['ky'], of: undefined, option: undefined },
      { kind: 'section', langs: ['ru', 'en'], of: undefined, option: undefined },
      { kind: 'hint', langs: ['ky', 'ru'], of: 'issued', option: undefined },
      // A label of blanks is no translation.
      { kind: 'option', langs: ['en'], of: 'queue', option: 'short' },
      // A repeat group's entry name, before the group's own questions (as the builder shows them).
      { kind: 'itemLabel', langs: ['en'], of: 'group', option: undefined },
      { kind: 'label', langs: ['ky', 'ru'], of: 'child', option: undefined },
    ]);
  });

  test('an optional text in no language is not missing; a required one lacks all three', () => {
    const def = form();
    def.description = { ky: '', ru: '', en: '' };
    delete def.sections[0]!.fields[0]!.hint;
    def.sections[0]!.fields[4]!.hint = { ky: '', ru: '', en: '' };
    def.sections[0]!.fields[5]!.label = { ky: '', ru: '', en: '' };
    const got = missingTranslations(def);
    assert.equal(got.length, 1);
    assert.equal(got[0]!.kind, 'label');
    assert.deepEqual(got[0]!.langs, ['ky', 'ru', 'en']);
  });

  test("a vocabulary's options are not the form's to translate", () => {
    const def = form();
    // Left over from before the switch to a vocabulary: the builder drops them, an import might not.
    def.sections[0]!.fields[2]!.options = [{ key: 'x', label: { ky: '', ru: '', en: 'X' } }];
    assert.deepEqual(missingTranslations(def), []);
  });
});

describe('a comparison whose question cannot be compared with', () => {
  const def = form();
  const fields = def.sections[0]!.fields;
  const used = fields[5]!;
  const before = fields.slice(0, 5);

  test('an earlier question of the same type is fine', () => {
    assert.equal(compareProblem(def, used, before, 'issued'), null);
  });

  test('names the question when it is of another type or not before, and only its key when gone', () => {
    assert.deepEqual(compareProblem(def, used, before, 'when'), { problem: 'type', other: fields[4] });
    assert.deepEqual(compareProblem(def, fields[0]!, [], 'used'), { problem: 'order', other: used });
    // A question inside a group is found too.
    assert.equal(compareProblem(def, used, before, 'child')?.other?.key, 'child');
    assert.deepEqual(compareProblem(def, used, before, 'deleted'), { problem: 'gone' });
  });
});

describe('layout of a form (server issues hold until it changes)', () => {
  test('changes when an option is added, removed or moved; not when a text changes', () => {
    const def = form();
    const base = layoutOf(def);
    const queue = def.sections[0]!.fields[1]!;
    const edit = (opts: typeof queue.options) => {
      const d = structuredClone(def);
      d.sections[0]!.fields[1]!.options = opts;
      return layoutOf(d);
    };
    const [long, short] = queue.options!;
    assert.notEqual(edit([short!, long!]), base);
    assert.notEqual(edit([long!]), base);
    assert.notEqual(edit([long!, short!, { key: 'none', label: all('None') }]), base);
    assert.equal(edit([long!, { ...short!, label: all('Shorter') }]), base);
  });
});
