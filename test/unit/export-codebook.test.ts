import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codebook } from '../../src/server/modules/monitoring/exports.codebook.ts';
import { planColumns } from '../../src/server/modules/monitoring/exports.rows.ts';
import { CHECKLIST, STATION_VISIT } from '../helpers/monitoring.ts';

const defs = [STATION_VISIT, CHECKLIST];

test('the codebook has a row per question column, in order, each part of a location named', () => {
  const plan = planColumns(defs, true, 'ru');
  const book = codebook(defs, plan, 'ru');
  assert.equal(book.name, 'Вопросы');
  assert.deepEqual(book.rows[0], ['Столбец', 'Раздел', 'Вопрос', 'Варианты ответа']);
  assert.deepEqual(
    book.rows.slice(1).map((r) => r[0]),
    plan.columns.map((c) => c.name),
  );
  const row = (name: string) => book.rows.find((r) => r[0] === name);
  assert.deepEqual(row('station_place.region'), [
    'station_place.region',
    'Посещение',
    'Где находится участок (область)',
    null,
  ]);
  assert.equal(row('station_place.district')?.[2], 'Где находится участок (район)');
  // Redacted: a repeat group is only counted, and says so.
  assert.equal(row('complaints.count')?.[2], 'Полученные жалобы (число записей)');
  assert.equal(row('chair_sign'), undefined);
});

test('unredacted, the place and GPS columns are described too, in Kyrgyz', () => {
  const plan = planColumns(defs, false, 'ky');
  const book = codebook(defs, plan, 'ky');
  assert.equal(book.name, 'Суроолор');
  const questions = book.rows.map((r) => r[2]);
  assert.ok(questions.includes('Участок кайда жайгашкан (жер)'), JSON.stringify(questions));
  assert.ok(questions.includes('Участок кайда жайгашкан (кеңдик)'));
  assert.ok(questions.includes('Участок кайда жайгашкан (узундук)'));
  assert.ok(questions.includes('Ким даттанды') === false, 'repeat children are inside the group column');
});
