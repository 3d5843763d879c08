import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import { resources } from '../../src/core/i18n/index.ts';
import { issueWhere } from '../../src/web/features/monitoring/builder/issueWhere.ts';

// Where a refused form import's problem is: place, option and the language of the missing text.

const i18n = i18next.createInstance();
await i18n.init({
  resources,
  lng: 'en',
  fallbackLng: false,
  ns: ['monitoring'],
  interpolation: { escapeValue: false },
});
const where = (lang: string, path: string) => issueWhere(i18n.getFixedT(lang, 'monitoring'), path);

test('a text missing in one language names that language, in the language on screen', () => {
  assert.equal(where('en', 'title.ru'), 'Form title, Russian text');
  assert.equal(where('ru', 'title.ky'), 'Название формы, текст на кыргызском');
  assert.equal(where('ky', 'sections.1.fields.2.label.en'), '2-бөлүм, 3-суроо, англисче тексти');
});

test('an option and a question in a repeat group are named by number', () => {
  assert.equal(
    where('en', 'sections.0.fields.4.options.3.label.ky'),
    'Section 1, question 5, option 4, Kyrgyz text',
  );
  assert.equal(where('en', 'sections.0.fields.2.fields.0.key'), 'Section 1, question 3.1');
  assert.equal(where('en', 'sections.0.fields.4.options.3.key'), 'Section 1, question 5, option 4');
});

test('a path with no language or option stays as it was', () => {
  assert.equal(where('en', 'sections.2'), 'Section 3');
  assert.equal(where('en', 'kind'), 'Kind');
  assert.equal(where('en', 'somewhere'), 'Form');
});
